import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { WebConfig } from '../../config/load-config.js';

/**
 * The secret that signs CSRF tokens: `SIMWATCH_SESSION_SECRET` when set (several servers must
 * share one), else kept in the data folder, made (readable by its owner only) on first start.
 */
export async function loadSessionSecret(config: WebConfig): Promise<string> {
  if (config.sessionSecret !== null) return config.sessionSecret;
  try {
    return (await readFile(config.sessionSecretPath, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dirname(config.sessionSecretPath), { recursive: true });
  try {
    await writeFile(config.sessionSecretPath, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return (await readFile(config.sessionSecretPath, 'utf8')).trim();
    throw error;
  }
}
