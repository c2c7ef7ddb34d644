/** Serialises JSON data by RFC 8785 (JCS), so equal data always gives the same bytes to hash or sign. */
export function canonicalJson(value: unknown): string {
  try {
    return serialise(value, new Set());
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    const path = error.keys.reduce<string>(joinPath, '');
    const where = path === '' ? 'the value' : `"${path}"`;
    throw new Error(`Cannot canonicalise ${where}: ${error.detail}`);
  }
}

/**
 * Where a value that is not JSON was found: the keys are added as the error passes back up, so
 * that a large payload's strings are not paired with a path each on the way down (that doubled
 * the time to serialise a 20,000-page document).
 */
class NotJson extends Error {
  readonly keys: (string | number)[] = [];
  constructor(readonly detail: string) {
    super(detail);
  }
}

function serialise(value: unknown, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return serialiseNumber(value);
  if (typeof value === 'string') return serialiseString(value);
  if (typeof value !== 'object') throw new NotJson(describeType(value));
  if (ancestors.has(value)) throw new NotJson('the value contains itself');
  ancestors.add(value);
  const text = Array.isArray(value)
    ? serialiseArray(value, ancestors)
    : serialiseObject(value, ancestors);
  ancestors.delete(value);
  return text;
}

// JCS numbers are ECMAScript's shortest round-trip form, which JSON.stringify already produces.
function serialiseNumber(value: number): string {
  if (!Number.isFinite(value)) throw new NotJson(`${String(value)} is not a JSON number`);
  return JSON.stringify(value);
}

// RFC 8785 §3.1: lone surrogates must fail, as they would sign differently after re-encoding.
function serialiseString(value: string): string {
  // The first test, without the unicode flag, is the fast one; most text has no surrogates.
  if (/[\uD800-\uDFFF]/.test(value) && /\p{Surrogate}/u.test(value))
    throw new NotJson('the string has a lone surrogate');
  return JSON.stringify(value);
}

function serialiseArray(values: unknown[], ancestors: Set<object>): string {
  // A plain loop visits holes in sparse arrays, which then fail as undefined.
  const items: string[] = [];
  for (let index = 0; index < values.length; index++) {
    items.push(serialiseMember(values[index], index, ancestors));
  }
  return `[${items.join(',')}]`;
}

function serialiseObject(value: object, ancestors: Set<object>): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new NotJson(`a ${value.constructor.name} is not plain JSON data`);
  }
  const record = value as Record<string, unknown>;
  // Comparing strings with < orders them by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = keys.map(
    (key) =>
      `${serialiseMember(key, key, ancestors)}:${serialiseMember(record[key], key, ancestors)}`,
  );
  return `{${members.join(',')}}`;
}

function serialiseMember(value: unknown, key: string | number, ancestors: Set<object>): string {
  try {
    return serialise(value, ancestors);
  } catch (error) {
    if (error instanceof NotJson) error.keys.unshift(key);
    throw error;
  }
}

function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

function describeType(value: unknown): string {
  if (value === undefined) return 'undefined is not JSON';
  return `a ${typeof value} is not JSON`;
}
