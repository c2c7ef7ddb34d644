import type { FastifyRequest } from 'fastify';

import { holdsDemonstrationOrganisations } from '../../register/organisations/organisations-repository.js';
import { countEvents } from '../../register/ledger/record-reads.js';
import type { WebContext } from '../web-context.js';

/** The main navigation: public pages for everyone, the workspace for those signed in. */
const publicNavigation = [
  { href: '/', text: 'Home' },
  { href: '/organisations', text: 'Organisations' },
  { href: '/search', text: 'Search' },
  { href: '/foi', text: 'FOI requests' },
  { href: '/method', text: 'Method' },
  { href: '/open-data', text: 'Open data' },
];

const demoChecks = new WeakMap<WebContext, { version: number; demo: boolean }>();

/** Values every page's layout needs. */
export async function layoutValues(context: WebContext, request: FastifyRequest) {
  const path = request.url.split('?')[0] ?? '/';
  const navigation = [
    ...publicNavigation,
    ...(request.user ? [{ href: '/workspace', text: 'Workspace' }] : []),
  ].map((item) => ({
    ...item,
    current:
      item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`),
  }));
  return {
    service: { name: context.config.serviceName, logoUrl: context.config.logoUrl },
    user: request.user,
    csrfToken: request.csrfToken,
    currentPath: path,
    currentUrl: request.url,
    navigation,
    demo: await holdsDemonstrationData(context),
  };
}

/** True when the register holds the fictional demonstration organisations (cached per change). */
export async function holdsDemonstrationData(context: WebContext): Promise<boolean> {
  const db = context.deps.database.db;
  const version = await countEvents(db);
  const known = demoChecks.get(context);
  if (known?.version === version) return known.demo;
  const demo = await holdsDemonstrationOrganisations(db);
  demoChecks.set(context, { version, demo });
  return demo;
}
