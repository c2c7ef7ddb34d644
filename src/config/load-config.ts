import { delimiter, resolve } from 'node:path';

import { parseSize } from '../format/parse-size.js';
import { SimwatchError } from '../errors.js';
import { mailboxAddress } from '../foi/sending/email-address.js';
import { readOcrSettings, type OcrSettings } from '../ocr/ocr-settings.js';
import { completePostgresUrl, postgresDefaults } from './complete-postgres-url.js';

/** simwatch's settings, read once at start-up from the environment. */
export interface Config {
  /** Where the embedded database, the documents and the signing key live. */
  dataDir: string;
  /**
   * Set when the register is on PostgreSQL (`DATABASE_URL=postgres://...`), with what the URL
   * leaves out filled in as `psql` does: the user (`PGUSER` or the operating-system user), the
   * host (`PGHOST` or the Unix socket directory), the port (`PGPORT` or 5432).
   */
  databaseUrl: string | undefined;
  /** The SQLite file, used when there is no `databaseUrl`. */
  sqlitePath: string;
  /** The content-addressed store of original documents. */
  documentsDir: string;
  /** The deployment's Ed25519 key that signs the record's checkpoints. */
  signingKeyPath: string;
  /** Who the CLI records as making changes when `--actor` is not given. */
  defaultActor: string;
  /** What the screening model is trained on when the workspace retrains it. */
  training: TrainingConfig;
  /** How FOI requests are sent by email (see `simwatch foi send`). */
  foi: FoiConfig;
  /** The web server's settings (see `simwatch serve` and `npm start`). */
  web: WebConfig;
  /**
   * How documents' pages without a text layer, and images, are read (`SIMWATCH_OCR`,
   * `SIMWATCH_OCR_ENGINE`, `SIMWATCH_OCR_PAGE_TIMEOUT`, `SIMWATCH_OCR_CACHE`; the register's cache
   * is `ocr-cache` in the data folder).
   */
  ocr: OcrSettings;
}

/** Sending freedom of information requests; both null unless set, and then requests can only be exported. */
export interface FoiConfig {
  /** `SIMWATCH_SMTP_URL`: the mail server, `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...:465`. */
  smtpUrl: string | null;
  /** `SIMWATCH_FOI_FROM`: who requests come from and replies go to, such as `Research team <foi@example.org>`. */
  from: string | null;
}

/** The labelled corpus and ordinary documents that retraining the model reads. */
export interface TrainingConfig {
  /**
   * `SIMWATCH_TRAINING_CORPUS`: labelled corpus files (JSON Lines), separated by the path
   * delimiter (`:`, or `;` on Windows). Empty when unset: then the workspace cannot retrain.
   */
  corpusPaths: readonly string[];
  /**
   * `SIMWATCH_ORDINARY_DOCUMENTS`: a folder of text documents that describe no such practice,
   * to count false leads on; null when unset.
   */
  ordinaryFolder: string | null;
}

/** How the web server runs and presents itself. */
export interface WebConfig {
  /** `PORT`, default 3000. */
  port: number;
  /** `HOST`, default localhost. */
  host: string;
  /** `SIMWATCH_SERVICE_NAME`, shown in the header and page titles (default "simwatch"). */
  serviceName: string;
  /** `SIMWATCH_LOGO_URL`: an optional logo shown in the header; none by default. */
  logoUrl: string | null;
  /** `NODE_ENV=production`: nothing internal (stack traces, messages) ever reaches a page. */
  production: boolean;
  /**
   * `SIMWATCH_TRUST_PROXY=N` behind N reverse proxies (`1`, `true` or `yes`: one): the client's
   * address is the one the nearest proxy added to X-Forwarded-For, counting N hops from the right
   * (never the leftmost, which the client may write), and the scheme is read from
   * X-Forwarded-Proto, so cookies are Secure when the proxy serves HTTPS. 0 when unset.
   */
  trustProxyHops: number;
  /**
   * `SIMWATCH_PUBLIC_URL`: the address people reach the site at (such as
   * `https://register.example.org`), used in the feed and the OpenAPI document instead of the
   * request's Host header. Default `http://HOST:PORT`. No trailing slash.
   */
  publicUrl: string;
  /** `SIMWATCH_SESSION_SECRET`: signs CSRF tokens; made and kept in the data folder when unset. */
  sessionSecret: string | null;
  /** The file the session secret is kept in when `SIMWATCH_SESSION_SECRET` is unset. */
  sessionSecretPath: string;
  /** `SIMWATCH_MAX_UPLOAD`: the largest document a reviewer may upload, in bytes (default 50 MB). */
  maxUploadBytes: number;
  /** Where uploads wait for screening: inside the data folder, never served. */
  uploadsDir: string;
  /**
   * `SIMWATCH_PAGE_CACHE=0` turns off the cache of public pages rendered for people not signed
   * in (kept until the register next changes).
   */
  pageCache: boolean;
}

/**
 * Reads the configuration: `SIMWATCH_DATA_DIR` (default `./data`), `DATABASE_URL` (PostgreSQL;
 * SQLite when unset), `SIMWATCH_SQLITE_PATH` (default `<data dir>/simwatch.db`),
 * `SIMWATCH_ACTOR` (who makes changes from the CLI; default the login name), the training
 * settings and the web server's. The only place that reads the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, nonEmpty(env.SIMWATCH_DATA_DIR) ?? 'data');
  const databaseUrl = databaseUrlFrom(env);
  return Object.freeze({
    dataDir,
    databaseUrl,
    sqlitePath: resolve(dataDir, nonEmpty(env.SIMWATCH_SQLITE_PATH) ?? 'simwatch.db'),
    documentsDir: resolve(dataDir, 'documents'),
    signingKeyPath: resolve(dataDir, 'record-signing-key.pem'),
    defaultActor: nonEmpty(env.SIMWATCH_ACTOR) ?? nonEmpty(env.USER) ?? 'simwatch',
    ocr: Object.freeze(
      readOcrSettings(env, { defaultCacheDir: resolve(dataDir, 'ocr-cache'), cwd }),
    ),
    training: Object.freeze({
      corpusPaths: Object.freeze(
        (nonEmpty(env.SIMWATCH_TRAINING_CORPUS) ?? '')
          .split(delimiter)
          .map((path) => path.trim())
          .filter((path) => path !== '')
          .map((path) => resolve(cwd, path)),
      ),
      ordinaryFolder: optionalPath(cwd, env.SIMWATCH_ORDINARY_DOCUMENTS),
    }),
    web: Object.freeze({
      port: portFrom(env.PORT),
      host: nonEmpty(env.HOST) ?? 'localhost',
      serviceName: nonEmpty(env.SIMWATCH_SERVICE_NAME) ?? 'simwatch',
      logoUrl: nonEmpty(env.SIMWATCH_LOGO_URL) ?? null,
      production: env.NODE_ENV === 'production',
      trustProxyHops: trustProxyHopsFrom(env.SIMWATCH_TRUST_PROXY),
      publicUrl: publicUrlFrom(env),
      sessionSecret: nonEmpty(env.SIMWATCH_SESSION_SECRET) ?? null,
      sessionSecretPath: resolve(dataDir, 'session-secret'),
      maxUploadBytes: sizeFrom(env.SIMWATCH_MAX_UPLOAD),
      uploadsDir: resolve(dataDir, 'uploads'),
      pageCache: !['0', 'false', 'no'].includes(nonEmpty(env.SIMWATCH_PAGE_CACHE) ?? ''),
    }),
    foi: Object.freeze({
      smtpUrl: smtpUrlFrom(env.SIMWATCH_SMTP_URL),
      from: foiFromFrom(env.SIMWATCH_FOI_FROM),
    }),
  });
}

function smtpUrlFrom(text: string | undefined): string | null {
  const value = nonEmpty(text);
  if (value === undefined) return null;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || url.hostname === '')
    throw new SimwatchError(
      'usage',
      `Cannot use SIMWATCH_SMTP_URL "${redactPassword(value)}": give the mail server as smtp://user:password@host:587 or smtps://user:password@host:465`,
    );
  return value;
}

function foiFromFrom(text: string | undefined): string | null {
  const value = nonEmpty(text);
  if (value === undefined) return null;
  if (mailboxAddress(value) === undefined)
    throw new SimwatchError(
      'usage',
      `Cannot use SIMWATCH_FOI_FROM "${value}": give an email address, such as "Research team <foi@example.org>"`,
    );
  return value;
}

/** `DATABASE_URL` with what it leaves out filled in as `psql` would (see completePostgresUrl). */
function databaseUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const url = nonEmpty(env.DATABASE_URL);
  if (url === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new SimwatchError(
      'usage',
      `Cannot use DATABASE_URL "${redactPassword(url)}": it must start with postgres:// or postgresql://`,
    );
  try {
    return completePostgresUrl(url, postgresDefaults(env));
  } catch (error) {
    throw new SimwatchError(
      'usage',
      `Cannot use DATABASE_URL "${redactPassword(url)}": it is not a valid URL`,
      { cause: error },
    );
  }
}

function portFrom(text: string | undefined): number {
  const value = nonEmpty(text);
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SimwatchError(
      'usage',
      `Cannot use PORT "${value}": give a whole number from 0 to 65535`,
    );
  return port;
}

function trustProxyHopsFrom(text: string | undefined): number {
  const value = nonEmpty(text)?.toLowerCase();
  if (value === undefined || ['0', 'false', 'no'].includes(value)) return 0;
  if (['true', 'yes'].includes(value)) return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new SimwatchError(
    'usage',
    `Cannot use SIMWATCH_TRUST_PROXY "${value}": give the number of reverse proxies in front of the server, such as 1`,
  );
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string {
  const value = nonEmpty(env.SIMWATCH_PUBLIC_URL);
  if (value === undefined)
    return `http://${nonEmpty(env.HOST) ?? 'localhost'}:${String(portFrom(env.PORT))}`;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '')
    throw new SimwatchError(
      'usage',
      `Cannot use SIMWATCH_PUBLIC_URL "${value}": give the site's address, such as https://register.example.org`,
    );
  return url.href.replace(/\/+$/, '');
}

function sizeFrom(text: string | undefined): number {
  const value = nonEmpty(text);
  if (value === undefined) return 50 * 1024 * 1024;
  const bytes = parseSize(value);
  if (bytes === undefined)
    throw new SimwatchError(
      'usage',
      `Cannot use SIMWATCH_MAX_UPLOAD "${value}": give a size such as 20MB or 500KB`,
    );
  return bytes;
}

function optionalPath(cwd: string, value: string | undefined): string | null {
  const path = nonEmpty(value);
  return path === undefined ? null : resolve(cwd, path);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A database URL fit to print: any password replaced. */
export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
