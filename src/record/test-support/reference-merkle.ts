// RFC 9162 §2.1 written out as literally as possible, to check the fast versions against.
import { createHash } from 'node:crypto';

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) over leaf data (not leaf hashes). */
export function referenceRoot(data: Buffer[]): Buffer {
  if (data.length === 0) return sha256();
  if (data.length === 1) return sha256(Buffer.from([0]), data[0] ?? Buffer.alloc(0));
  const k = split(data.length);
  return sha256(Buffer.from([1]), referenceRoot(data.slice(0, k)), referenceRoot(data.slice(k)));
}

/** PATH(m, D[n]). */
export function referencePath(m: number, data: Buffer[]): Buffer[] {
  if (data.length <= 1) return [];
  const k = split(data.length);
  return m < k
    ? [...referencePath(m, data.slice(0, k)), referenceRoot(data.slice(k))]
    : [...referencePath(m - k, data.slice(k)), referenceRoot(data.slice(0, k))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
export function referenceProof(m: number, data: Buffer[], whole = true): Buffer[] {
  if (m === data.length) return whole ? [] : [referenceRoot(data)];
  const k = split(data.length);
  return m <= k
    ? [...referenceProof(m, data.slice(0, k), whole), referenceRoot(data.slice(k))]
    : [...referenceProof(m - k, data.slice(k), false), referenceRoot(data.slice(0, k))];
}

/** Leaf data for tests: distinct, and of varied length. */
export function sampleData(count: number): Buffer[] {
  return Array.from({ length: count }, (_, index) =>
    Buffer.from(`leaf ${index};`.repeat(1 + (index % 3))),
  );
}
