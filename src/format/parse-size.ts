const units: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * Reads a size such as `100MB`, `1.5 GB`, `512k` or `1048576` as bytes, or returns undefined.
 * KB, MB and GB are binary (1024-based), as in the limits and the messages that report them.
 */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const multiplier = units[(match[2] ?? '').toLowerCase()];
  if (multiplier === undefined) return undefined;
  const bytes = Math.round(Number(match[1]) * multiplier);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}
