import { createPublicKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { createSigningKey, keyIdOf, type SigningKey } from '../../record/checkpoint.js';

/**
 * The deployment's signing key, read from its PEM file; made (readable by its owner only) when
 * missing and `create` is set.
 */
export async function loadSigningKey(
  path: string,
  options: { create: boolean },
): Promise<SigningKey> {
  let privateKeyPem: string;
  try {
    privateKeyPem = await readFile(path, 'utf8');
  } catch (error) {
    if (!options.create || (error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new SimwatchError(
        'record_invalid',
        `Cannot read the signing key "${path}": run "simwatch init" first, or restore the key`,
        { cause: error },
      );
    const key = createSigningKey();
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
    return key;
  }
  try {
    const publicKeyPem = createPublicKey(privateKeyPem)
      .export({ type: 'spki', format: 'pem' })
      .toString();
    return { privateKeyPem, publicKeyPem, keyId: keyIdOf(publicKeyPem) };
  } catch (error) {
    throw new SimwatchError(
      'record_invalid',
      `Cannot use the signing key "${path}": it is not an Ed25519 private key`,
      {
        cause: error,
      },
    );
  }
}
