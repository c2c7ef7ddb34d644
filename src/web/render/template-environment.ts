import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import nunjucks from 'nunjucks';

import { formatPercent } from './format-percent.js';
import { describeOcr, describeUnreadCount, describeUnreadPages } from './describe-page-reading.js';

/** simwatch's own templates (`views/` at the package root). */
export const viewsDir = fileURLToPath(new URL('../../../views/', import.meta.url));

/** simwatch's own browser assets (`public/` at the package root), served at /assets/simwatch/. */
export const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

const require = createRequire(import.meta.url);

/** The installed nhsuk-frontend: its `dist` folder (templates under `nhsuk/`) and version. */
export const nhsukFrontend = (() => {
  const packageJson = require.resolve('nhsuk-frontend/package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const dist = join(dirname(packageJson), 'dist');
  return { dist, version, assets: join(dist, 'nhsuk', 'assets') };
})();

/**
 * The Nunjucks environment pages are rendered with: simwatch's templates first, then
 * nhsuk-frontend's components (`{% from "nhsuk/components/button/macro.njk" import button %}`).
 * Every value is escaped unless a template marks it safe. Templates are cached in production and
 * re-read on change otherwise.
 */
export function createTemplateEnvironment(options: { cache: boolean }): nunjucks.Environment {
  // nhsuk-frontend's templates never change while the app runs, so they are always cached: read
  // afresh on every render, its nested macros made each page take seconds in development.
  const loaders = [
    new nunjucks.FileSystemLoader(viewsDir, { noCache: !options.cache }),
    new nunjucks.FileSystemLoader(nhsukFrontend.dist, { noCache: false }),
  ];
  const environment = new nunjucks.Environment(loaders, {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  environment.addFilter('formatNumber', (value: unknown) =>
    typeof value === 'number'
      ? value.toLocaleString('en-GB')
      : typeof value === 'string'
        ? value
        : '',
  );
  environment.addFilter('formatDate', formatDate);
  environment.addFilter('formatDateTime', formatDateTime);
  environment.addFilter('formatPercent', formatPercent);
  environment.addFilter('describeOcr', describeOcr);
  environment.addFilter('describeUnreadPages', describeUnreadPages);
  environment.addFilter('describeUnreadCount', describeUnreadCount);
  return environment;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-05" or an ISO time as "5 March 2026"; anything else (or no such day) as given. */
export function formatDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(`${match[0]}T00:00:00Z`);
  // Date rolls 30 February over into March: a day that does not exist is shown as given.
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) return value;
  return longDate.format(date);
}

const dateAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/** An ISO time as "7 December 2026 at 10:02:13 UTC"; anything else as given. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string') return '';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(
    dateAndTime.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}:${parts.second} UTC`;
}
