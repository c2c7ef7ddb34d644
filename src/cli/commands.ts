import type { CliCommand } from './cli-command.js';

/**
 * A `simwatch` subcommand as the help lists it, and how to load it. Each command's module (and
 * what it needs: the register, the web app, MuPDF...) is loaded only when that command runs, so
 * `simwatch --version` and `simwatch screen` start without the rest.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/** Every `simwatch` subcommand, in the order the help lists them; add new ones here. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'screen',
    summary: 'Screen documents for the features of concern and print the findings',
    load: async () => (await import('./screen-command.js')).screenCommand,
  },
  {
    name: 'init',
    summary: 'Create the register: its database, document store and signing key',
    load: async () => (await import('./register/init-command.js')).initCommand,
  },
  {
    name: 'demo',
    summary: 'Build a demonstration register of fictional organisations',
    load: async () => (await import('./register/demo-command.js')).demoCommand,
  },
  {
    name: 'org',
    summary: 'Import, list and link organisations',
    load: async () => (await import('./register/org-commands.js')).orgCommand,
  },
  {
    name: 'ingest',
    summary: 'Add documents to the register: stored, screened, findings pending review',
    load: async () => (await import('./register/ingest-command.js')).ingestCommand,
  },
  {
    name: 'document',
    summary: "Correct documents' details and show their history",
    load: async () => (await import('./register/document-commands.js')).documentCommand,
  },
  {
    name: 'findings',
    summary: 'List, confirm and reject findings',
    load: async () => (await import('./register/findings-commands.js')).findingsCommand,
  },
  {
    name: 'assurance',
    summary: 'Record assurances',
    load: async () => (await import('./register/assurance-commands.js')).assuranceCommand,
  },
  {
    name: 'response',
    summary: "Record organisations' responses",
    load: async () => (await import('./register/response-commands.js')).responseCommand,
  },
  {
    name: 'foi',
    summary: 'Draft, send and follow freedom of information requests',
    load: async () => (await import('./foi/foi-commands.js')).foiCommand,
  },
  {
    name: 'review',
    summary: 'Record national reviews',
    load: async () => (await import('./register/review-commands.js')).reviewCommand,
  },
  {
    name: 'return',
    summary: 'Record returns to reviews',
    load: async () => (await import('./register/review-commands.js')).returnCommand,
  },
  {
    name: 'status',
    summary: "Show organisations' statuses, derived from returns, assurances and evidence",
    load: async () => (await import('./register/status-commands.js')).statusCommand,
  },
  {
    name: 'figures',
    summary: 'Show national figures computed from returns and evidence',
    load: async () => (await import('./register/status-commands.js')).figuresCommand,
  },
  {
    name: 'export',
    summary: 'Write the register as open data (CSV or JSON), or publish it as one zip',
    load: async () => (await import('./register/export-command.js')).exportCommand,
  },
  {
    name: 'ledger',
    summary: 'Verify, export, replay and prove the record; rebuild the search index',
    load: async () => (await import('./register/ledger-commands.js')).ledgerCommand,
  },
  {
    name: 'trace',
    summary: 'Name the recipient whose marked copy a leaked excerpt matches, with confidence',
    load: async () => (await import('./register/trace-command.js')).traceCommand,
  },
  {
    name: 'witness',
    summary: "Keep your own copy of the record's checkpoints and prove it was not rewritten",
    load: async () => (await import('./witness-commands.js')).witnessCommand,
  },
  {
    name: 'serve',
    summary: 'Serve the web application (public register and reviewer workspace)',
    load: async () => (await import('./register/serve-command.js')).serveCommand,
  },
  {
    name: 'user',
    summary: 'Manage workspace accounts',
    load: async () => (await import('./register/user-commands.js')).userCommand,
  },
  {
    name: 'provenance',
    summary: "Find passages of an outside text reused from an agreement's confidential drafts",
    load: async () => (await import('./register/provenance-command.js')).provenanceCommand,
  },
  {
    name: 'model',
    summary: 'Train the screening model and see how well it does',
    load: async () => (await import('./register/model-commands.js')).modelCommand,
  },
  {
    name: 'agreement',
    summary: 'Co-produce documents under an agreement: parties, versions, consent, publication',
    load: async () => (await import('./register/coproduction-commands.js')).agreementCommand,
  },
  {
    name: 'verify-publication',
    summary: 'Check a co-produced publication offline: its text, hash and every signature',
    load: async () =>
      (await import('./coproduction/verify-publication-command.js')).verifyPublicationCommand,
  },
];
