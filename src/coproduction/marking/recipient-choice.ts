import { createHmac } from 'node:crypto';

/** The alternative (0 to `count` - 1) a recipient's copy uses at one variation point. */
export function recipientChoice(seed: string, key: string, count: number): number {
  const digest = createHmac('sha256', seed).update(`simwatch mark, version 1\n${key}`).digest();
  return digest.readUInt32BE(0) % count;
}
