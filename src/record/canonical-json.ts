/** Serialises JSON data by RFC 8785 (JCS), so equal data always gives the same bytes to hash or sign. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '', new Set());
}

function serialise(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return serialiseNumber(value, path);
  if (typeof value === 'string') return serialiseString(value, path);
  if (typeof value !== 'object') throw notJson(path, describeType(value));
  if (ancestors.has(value)) throw notJson(path, 'the value contains itself');
  ancestors.add(value);
  const text = Array.isArray(value)
    ? serialiseArray(value, path, ancestors)
    : serialiseObject(value, path, ancestors);
  ancestors.delete(value);
  return text;
}

// JCS numbers are ECMAScript's shortest round-trip form, which JSON.stringify already produces.
function serialiseNumber(value: number, path: string): string {
  if (!Number.isFinite(value)) throw notJson(path, `${String(value)} is not a JSON number`);
  return JSON.stringify(value);
}

// RFC 8785 §3.1: lone surrogates must fail, as they would sign differently after re-encoding.
function serialiseString(value: string, path: string): string {
  if (/\p{Surrogate}/u.test(value)) throw notJson(path, 'the string has a lone surrogate');
  return JSON.stringify(value);
}

function serialiseArray(values: unknown[], path: string, ancestors: Set<object>): string {
  // A plain loop visits holes in sparse arrays, which then fail as undefined.
  const items: string[] = [];
  for (let index = 0; index < values.length; index++) {
    items.push(serialise(values[index], `${path}[${index}]`, ancestors));
  }
  return `[${items.join(',')}]`;
}

function serialiseObject(value: object, path: string, ancestors: Set<object>): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw notJson(path, `a ${value.constructor.name} is not plain JSON data`);
  }
  const record = value as Record<string, unknown>;
  // Comparing strings with < orders them by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const members = keys.map((key) => {
    const memberPath = joinPath(path, key);
    return `${serialiseString(key, memberPath)}:${serialise(record[key], memberPath, ancestors)}`;
  });
  return `{${members.join(',')}}`;
}

function joinPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

function describeType(value: unknown): string {
  if (value === undefined) return 'undefined is not JSON';
  return `a ${typeof value} is not JSON`;
}

function notJson(path: string, detail: string): Error {
  const where = path === '' ? 'the value' : `"${path}"`;
  return new Error(`Cannot canonicalise ${where}: ${detail}`);
}
