import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

/** What a PostgreSQL URL leaves out is taken from here, as `psql` (libpq) takes it. */
export interface PostgresDefaults {
  /** `PGUSER`, else the operating-system user. */
  user: string;
  /** `PGHOST`, else the directory of the server's Unix socket. */
  host: string;
  /** `PGPORT`, else 5432. */
  port: string;
  /** `PGDATABASE`, else (like libpq) the user name; undefined to use the user name. */
  database: string | undefined;
}

/** Debian's socket directory first, then the one PostgreSQL's own builds use. */
const socketDirectories = ['/var/run/postgresql', '/tmp'];

/** The defaults libpq applies, read from the environment given (PGUSER, PGHOST, PGPORT, PGDATABASE). */
export function postgresDefaults(env: NodeJS.ProcessEnv): PostgresDefaults {
  return {
    user: nonEmpty(env.PGUSER) ?? operatingSystemUser(env),
    host:
      nonEmpty(env.PGHOST) ??
      socketDirectories.find((folder) => existsSync(folder)) ??
      '/var/run/postgresql',
    port: nonEmpty(env.PGPORT) ?? '5432',
    database: nonEmpty(env.PGDATABASE),
  };
}

/**
 * Fills in what a `postgres://` URL leaves out, as `psql` does: `postgres:///simwatch` becomes
 * `postgres://USER@%2Fvar%2Frun%2Fpostgresql:5432/simwatch` (the user, the socket directory and the
 * port from `defaults`). A `host` given as a query parameter (`?host=/path`) moves into the URL.
 * Parts the URL gives, and its other parameters, are kept as they are.
 */
export function completePostgresUrl(url: string, defaults: PostgresDefaults): string {
  const parsed = parseWithEmptyHost(url);
  const query = new URLSearchParams(parsed.search);
  const host = hostPart(query.get('host') ?? (parsed.hostname || defaults.host));
  query.delete('host');
  const port = query.get('port') ?? (parsed.port || defaults.port);
  query.delete('port');
  const user =
    parsed.username !== '' || query.has('user')
      ? parsed.username
      : encodeURIComponent(defaults.user);
  const credentials =
    user === '' ? '' : `${user}${parsed.password === '' ? '' : `:${parsed.password}`}@`;
  const named = query.get('user') ?? (decodeURIComponent(parsed.username) || defaults.user);
  const path =
    parsed.pathname === '' || parsed.pathname === '/'
      ? `/${encodeURIComponent(defaults.database ?? named)}`
      : parsed.pathname;
  const search = query.toString() === '' ? '' : `?${query.toString()}`;
  return `${parsed.protocol}//${credentials}${host}:${port}${path}${search}${parsed.hash}`;
}

type UrlParts = Pick<
  URL,
  'protocol' | 'username' | 'password' | 'hostname' | 'port' | 'pathname' | 'search' | 'hash'
>;

const emptyHostMarker = 'simwatch-empty-host';

/** `new URL()`, which refuses a user name without a host (`postgres://me@/db`), as libpq allows. */
function parseWithEmptyHost(url: string): UrlParts {
  try {
    return new URL(url);
  } catch (error) {
    if (!url.includes('@/')) throw error;
    const parsed = new URL(url.replace('@/', `@${emptyHostMarker}/`));
    const { protocol, username, password, port, pathname, search, hash } = parsed;
    return { protocol, username, password, hostname: '', port, pathname, search, hash };
  }
}

/** A host as the URL's authority holds it: a socket directory percent-encoded, IPv6 in brackets. */
function hostPart(host: string): string {
  if (host.startsWith('/')) return encodeURIComponent(host);
  if (host.includes(':') && !host.startsWith('[')) return `[${host}]`;
  return host;
}

function operatingSystemUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // No entry for this user id (some containers): fall back on the login name, as libpq cannot.
    return nonEmpty(env.USER) ?? nonEmpty(env.LOGNAME) ?? 'postgres';
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
