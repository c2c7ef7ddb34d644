import { userInfo } from 'node:os';

import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { completePostgresUrl, postgresDefaults } from './complete-postgres-url.js';
import { loadConfig } from './load-config.js';

const defaults = { user: 'ada', host: '/var/run/postgresql', port: '5432', database: undefined };

describe('completePostgresUrl()', () => {
  it.each([
    [
      'a socket URL with only a database',
      'postgres:///simwatch',
      'postgres://ada@%2Fvar%2Frun%2Fpostgresql:5432/simwatch',
    ],
    [
      'a socket directory given as ?host=',
      'postgres:///simwatch?host=/srv/pg',
      'postgres://ada@%2Fsrv%2Fpg:5432/simwatch',
    ],
    [
      'a socket directory given in the authority',
      'postgresql://me@%2Fsrv%2Fpg/db',
      'postgresql://me@%2Fsrv%2Fpg:5432/db',
    ],
    [
      'a user without a host',
      'postgres://me@/db',
      'postgres://me@%2Fvar%2Frun%2Fpostgresql:5432/db',
    ],
    [
      'a TCP host without a user',
      'postgres://db.example:6543/db',
      'postgres://ada@db.example:6543/db',
    ],
    [
      'no database: the user name, as libpq',
      'postgres://me@localhost',
      'postgres://me@localhost:5432/me',
    ],
    [
      'a ?port= parameter',
      'postgres:///db?port=5433&sslmode=require',
      'postgres://ada@%2Fvar%2Frun%2Fpostgresql:5433/db?sslmode=require',
    ],
    [
      'a ?user= parameter (not overridden)',
      'postgres://localhost/db?user=bob',
      'postgres://localhost:5432/db?user=bob',
    ],
    ['an IPv6 host', 'postgres://me@[::1]/db', 'postgres://me@[::1]:5432/db'],
  ])('completes %s', (_case, url, completed) => {
    expect(completePostgresUrl(url, defaults)).toBe(completed);
  });

  it('leaves a complete URL as it is, password included', () => {
    const url = 'postgres://simwatch:s%40cret@127.0.0.1:5432/simwatch_test';
    expect(completePostgresUrl(url, defaults)).toBe(url);
  });

  it('takes PGHOST as a TCP host, and PGDATABASE when the URL names no database', () => {
    const fromEnv = { ...defaults, host: '::1', database: 'register' };
    expect(completePostgresUrl('postgres://', fromEnv)).toBe('postgres://ada@[::1]:5432/register');
  });
});

describe('postgresDefaults()', () => {
  it('reads PGUSER, PGHOST, PGPORT and PGDATABASE', () => {
    expect(
      postgresDefaults({ PGUSER: 'pat', PGHOST: '/run/pg', PGPORT: '6000', PGDATABASE: 'reg' }),
    ).toEqual({ user: 'pat', host: '/run/pg', port: '6000', database: 'reg' });
  });

  it('falls back on the operating-system user and the socket directory, not on USER', () => {
    const fallback = postgresDefaults({ USER: 'someone-else' });
    expect(fallback.user).not.toBe('someone-else');
    expect(fallback.user).not.toBe('');
    expect(fallback.host.startsWith('/')).toBe(true);
    expect(fallback.port).toBe('5432');
  });
});

describe('loadConfig() with a PostgreSQL URL', () => {
  it('accepts postgres:///simwatch without a user name, as psql does', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres:///simwatch',
      PGUSER: 'ada',
      PGHOST: '/var/run/postgresql',
    });
    expect(config.databaseUrl).toBe('postgres://ada@%2Fvar%2Frun%2Fpostgresql:5432/simwatch');
  });

  it('names a URL it cannot read, without its password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://me:hidden@[bad/db' })).toThrow(
      /^Cannot use DATABASE_URL "postgres:\/\/me:\*\*\*@\[bad\/db": it is not a valid URL$/,
    );
  });
});

// A real connection as psql makes it: the local server's Unix socket, as the operating-system user
// (peer authentication). Skipped where no server listens there or it has no such role (to create
// it, as the postgres user: `create role "<your login>" login`). Whether it can run is asked with
// explicit settings, so that a fault in completing the URL fails the test rather than skipping it.
const socketDirectory = '/var/run/postgresql';
const socketProblem = await connectOnce({
  host: socketDirectory,
  user: userInfo().username,
  database: 'postgres',
}).then(
  () => null,
  (error: unknown) => (error instanceof Error ? error.message : String(error)),
);
if (socketProblem !== null)
  console.warn(`Skipping the connection over ${socketDirectory}: ${socketProblem}`);

describe.skipIf(socketProblem !== null)('postgres:///postgres on this machine', () => {
  it('connects over the Unix socket as the operating-system user', async () => {
    const { databaseUrl } = loadConfig({ DATABASE_URL: 'postgres:///postgres', USER: '' });
    const { user, address } = await connectOnce({ connectionString: databaseUrl });
    expect(user).toBe(userInfo().username);
    // inet_server_addr() is null on a Unix socket, an address over TCP.
    expect(address).toBeNull();
  });
});

async function connectOnce(
  settings: pg.ClientConfig,
): Promise<{ user: string; address: string | null }> {
  const client = new pg.Client({ ...settings, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ user: string; address: string | null }>(
      'select current_user as user, inet_server_addr() as address',
    );
    return rows[0] ?? { user: '', address: null };
  } finally {
    await client.end().catch(() => undefined);
  }
}
