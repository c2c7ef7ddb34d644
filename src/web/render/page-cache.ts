/**
 * Rendered public pages, kept until the register changes. The register changes only by appending
 * to the record, so the record's length is a version: a page rendered at one version is right
 * for as long as the version stays the same, whichever process made the change.
 */
export interface PageCache {
  find(version: number, url: string): CachedPage | undefined;
  keep(version: number, url: string, page: CachedPage): void;
}

/** A rendered page and the headers that describe it (content type, CORS, disposition...). */
export interface CachedPage {
  body: string;
  headers: Record<string, string>;
}

/**
 * A page cache holding, of the current version, at most `maxPages` pages of at most
 * `maxPageBytes` each and `maxTotalBytes` together (the least recently used go first).
 */
export function createPageCache(options: {
  maxPages: number;
  maxPageBytes: number;
  maxTotalBytes?: number;
}): PageCache {
  let cachedVersion = -1;
  let totalBytes = 0;
  const pages = new Map<string, CachedPage>();
  const maxTotalBytes = options.maxTotalBytes ?? Infinity;
  const atVersion = (version: number) => {
    if (version !== cachedVersion) {
      pages.clear();
      totalBytes = 0;
      cachedVersion = version;
    }
  };
  const forget = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    totalBytes -= page.body.length;
  };
  return {
    find(version, url) {
      atVersion(version);
      const page = pages.get(url);
      if (page) {
        // Re-inserting keeps the map in order of last use.
        pages.delete(url);
        pages.set(url, page);
      }
      return page;
    },
    keep(version, url, page) {
      atVersion(version);
      if (page.body.length > options.maxPageBytes) return;
      forget(url);
      pages.set(url, page);
      totalBytes += page.body.length;
      while (pages.size > options.maxPages || totalBytes > maxTotalBytes) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        forget(oldest);
      }
    },
  };
}
