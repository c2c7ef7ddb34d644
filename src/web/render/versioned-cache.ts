/** A cache of values built from the register, emptied whenever the register changes. */
export interface VersionedCache<T> {
  /**
   * The value for `key` at `version` of the register (the record's last event number): built once
   * per version, shared by concurrent requests. A request that read an older version than the
   * latest seen builds its value without caching it.
   */
  get(key: string, version: number, build: () => Promise<T>): Promise<T>;
}

/**
 * Creates a cache keyed by the register's version. Every change to the register appends an event,
 * so a page built for one version stays right until the next event: public pages are then served
 * without re-reading the register on every request. At most `maxEntries` values are kept.
 */
export function createVersionedCache<T>(options: { maxEntries: number }): VersionedCache<T> {
  let current = -1;
  let entries = new Map<string, Promise<T>>();
  return {
    get(key, version, build) {
      if (version < current) return build();
      if (version > current) {
        current = version;
        entries = new Map();
      }
      const known = entries.get(key);
      if (known) return known;
      // Beyond the limit (many different keys asked for), start again rather than grow.
      if (entries.size >= options.maxEntries) entries = new Map();
      const store = entries;
      const built = build();
      store.set(key, built);
      built.catch(() => {
        if (store.get(key) === built) store.delete(key);
      });
      return built;
    },
  };
}
