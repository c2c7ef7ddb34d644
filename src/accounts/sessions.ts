import { createHash, randomBytes } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';
import { findUser, type User } from './users-service.js';

/** How long a session lasts after signing in. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

type Db = Kysely<DatabaseSchema>;

/** Starts a session; returns the token for the cookie (the database keeps only its hash). */
export async function startSession(db: Db, username: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('web_sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('web_sessions')
    .values({
      token_hash: hashToken(token),
      username,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionLifetimeMs).toISOString(),
    })
    .execute();
  return token;
}

/** The enabled account a session token belongs to, while the session lasts. */
export async function userOfSession(db: Db, token: string, now: Date): Promise<User | undefined> {
  const session = await db
    .selectFrom('web_sessions')
    .select(['username', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!session || session.expires_at <= now.toISOString()) return undefined;
  const user = await findUser(db, session.username);
  return user && !user.disabled ? user : undefined;
}

/** Ends a session. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** The hash a session is stored under, so a copy of the database cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
