import { Readable } from 'node:stream';

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { loadConfig } from '../../config/load-config.js';
import { buildDemo } from '../../demo/build-demo.js';
import type { DocumentPipelineOptions } from '../../pipeline/document-pipeline.js';
import type { TestDatabase } from '../../test-support/register-databases.js';
import { createUser } from '../../accounts/users-service.js';
import { startSession } from '../../accounts/sessions.js';
import { createWebApp } from '../app.js';
import { sessionCookie } from '../security/cookies.js';
import type { TrainModel } from '../../app/model-training/model-training.js';

/** The password of every test account. */
export const testPassword = 'correct horse battery staple';

/** The test accounts, one per role and a second reviewer for the two-reviewer rule. */
export const testUsers = {
  administrator: { username: 'ada', displayName: 'Ada Administrator', role: 'administrator' },
  reviewer: { username: 'rita', displayName: 'Rita Reviewer', role: 'reviewer' },
  secondReviewer: { username: 'sam', displayName: 'Sam Second', role: 'reviewer' },
  viewer: { username: 'vic', displayName: 'Vic Viewer', role: 'viewer' },
} as const;

/** A web app on a fresh register, with test accounts, and clients that keep cookies. */
export interface TestWebApp {
  app: FastifyInstance;
  deps: AppDeps;
  /** A client that is not signed in. */
  client(): TestClient;
  /** A client signed in as one of `testUsers`. */
  signedIn(username: string): Promise<TestClient>;
  cleanUp(): Promise<void>;
}

/**
 * Builds the app on a new register (SQLite unless `database` is given), optionally with the
 * demonstration register loaded, and creates the test accounts.
 */
export async function createTestWebApp(
  options: {
    database?: TestDatabase;
    demo?: boolean;
    env?: Record<string, string>;
    /** Trains the model instead of the worker thread (tests of the model page). */
    trainModel?: TrainModel;
    /** The document pipeline's limits (tests of hostile uploads lower the memory cap). */
    pipeline?: DocumentPipelineOptions;
    /** The app's clock (tests of what changes with the day). */
    now?: () => Date;
  } = {},
): Promise<TestWebApp> {
  const made = options.database
    ? await options.database.create()
    : await import('../../test-support/register-databases.js').then(async ({ testDatabases }) => {
        const sqlite = testDatabases().find((database) => database.name === 'sqlite');
        if (!sqlite) throw new Error('SQLite must be among the test databases');
        return sqlite.create();
      });
  const config = loadConfig({
    SIMWATCH_DATA_DIR: made.config.dataDir,
    ...(made.config.databaseUrl ? { DATABASE_URL: made.config.databaseUrl } : {}),
    ...options.env,
  });
  const deps = await createAppDeps(config, {
    pipeline: options.pipeline,
    // Quiet, as the app's own logger is in tests.
    log: { warn: () => undefined, error: () => undefined },
    ...(options.trainModel ? { trainModel: options.trainModel } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.demo) await buildDemo(deps, 'simwatch demo');
  for (const user of Object.values(testUsers))
    await createUser(deps, { ...user, password: testPassword }, 'test');
  const app = await createWebApp(deps);
  // As the server does once it listens.
  deps.uploadQueue.start();
  const client = () => new TestClient(app);
  return {
    app,
    deps,
    client,
    // Sessions are started directly, not through the sign-in form, so that tests needing many
    // signed-in clients do not meet the sign-in rate limit (the security tests sign in for real).
    async signedIn(username) {
      const signed = client();
      signed.setCookie(sessionCookie, await startSession(deps.database.db, username, deps.now()));
      return signed;
    },
    async cleanUp() {
      await app.close();
      await deps.close();
      await made.cleanUp();
    },
  };
}

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF token with forms. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  /** The value of a cookie the server has set, if any. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets a cookie as if the server had. */
  setCookie(name: string, value: string): void {
    if (name === sessionCookie) this.csrfToken = undefined;
    this.cookies.set(name, value);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url, headers });
  }

  /** Posts a url-encoded form, with this client's CSRF token unless `_csrf` is given. */
  async post(
    url: string,
    fields: Record<string, string | string[]> = {},
  ): Promise<LightMyRequestResponse> {
    const token = fields._csrf ?? (await this.token());
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...fields, _csrf: token }))
      for (const each of Array.isArray(value) ? value : [value]) body.append(name, each);
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  /** Posts a multipart form (files and fields), with this client's CSRF token. */
  async postMultipart(
    url: string,
    fields: Record<string, string | readonly string[]>,
    files: { field: string; name: string; bytes: Uint8Array; type?: string }[],
  ): Promise<LightMyRequestResponse> {
    const boundary = `----simwatch${Date.now().toString(16)}`;
    const parts: Buffer[] = [];
    // A repeated field (checkboxes) is sent as one part per value, as browsers send it.
    for (const [name, values] of Object.entries({ _csrf: await this.token(), ...fields }))
      for (const value of typeof values === 'string' ? [values] : values)
        parts.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
          ),
        );
    for (const file of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(file.bytes),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
  }

  /** Posts a multipart form whose one file is streamed from `chunks`, never whole in memory. */
  async postMultipartStream(
    url: string,
    fields: Record<string, string>,
    file: { field: string; name: string; chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array> },
  ): Promise<LightMyRequestResponse> {
    const boundary = `----simwatch${Date.now().toString(16)}`;
    const head = Object.entries({ _csrf: await this.token(), ...fields }).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    head.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    async function* body() {
      yield Buffer.from(head.join(''));
      yield* file.chunks;
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Readable.from(body(), { objectMode: false }),
    });
  }

  /** The CSRF token of this client's forms (loads a page to get one when needed). */
  async token(): Promise<string> {
    if (this.csrfToken === undefined) {
      // Signed in, the sign-in page sends you on to a page whose header has the sign-out form.
      const response = await this.get('/sign-in');
      if (response.statusCode === 303) await this.get(String(response.headers.location));
    }
    if (this.csrfToken === undefined) throw new Error('No CSRF token on the sign-in page');
    return this.csrfToken;
  }

  private async request(options: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: string | Buffer | Readable;
  }): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    // A new session means new form tokens (they are bound to the session).
    if (response.cookies.some((set) => set.name === sessionCookie)) this.csrfToken = undefined;
    for (const set of response.cookies) {
      if (set.value === '' || (set.expires && set.expires.getTime() < Date.now()))
        this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }
}
