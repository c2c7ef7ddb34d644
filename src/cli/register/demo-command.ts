import { join } from 'node:path';

import { buildDemo } from '../../demo/build-demo.js';
import { demoAgreementGuide } from '../../demo/build-demo-agreement.js';
import { statusLabels, statusOrder } from '../../register/status/index.js';
import { defineRegisterCommand } from './define-register-command.js';

/** `simwatch demo`: fills an empty register with fictional demonstration data. */
export const demoCommand = defineRegisterCommand({
  name: 'demo',
  summary: 'Build a demonstration register of fictional organisations',
  usage: 'Usage: simwatch demo [--json]',
  help: `Fills an empty register with demonstration data: fictional organisations
(every code starts with DEMO-), a national review with returns, assurances, and
documents (some of them PDFs) that are screened as they are ingested; fictional
reviewers (accounts reviewer-a, -b and -c, with no password: nobody can sign in
as them until one is set) then confirm some findings, leave some pending and
reject others, so
every status and review state appears, including evidence that contradicts an
assurance. The content is the same every run; only the times come from the clock.

It also sets up a co-production agreement between two fictional parties (an
NHS directorate and a service users' coalition, each with two member accounts
without passwords) whose story walks through four failures: a leaked excerpt
of a marked download, a party shut out of a decision, an altered letter
reusing draft passages, and an agreed final version never published. The
folder demo-agreement/ in the data folder holds the leaked excerpt, the
letter and the parties' (fictional) private keys; its README.txt says what
to try.

Refuses a register that already holds anything: point SIMWATCH_DATA_DIR at a
new folder first, for example SIMWATCH_DATA_DIR=$(mktemp -d) simwatch demo.`,
  // The context is not destructured: `print` is declared as a method, and lint rightly refuses
  // to detach it from its object.
  async run(context) {
    const { deps, json } = context;
    const print = (line: string): void => {
      context.print(line);
    };
    const folder = join(deps.config.dataDir, 'demo-agreement');
    const summary = await buildDemo(deps, context.actor, { folder });
    if (json) {
      print(JSON.stringify({ fictional: true, ...summary }, null, 2));
      return 0;
    }
    print('Demonstration data: fictional organisations. None of them exist.');
    print(`Built the demonstration register (${deps.database.dialect}): ${deps.database.location}`);
    print(
      `  ${summary.organisations} organisations, ${summary.documents} documents (${summary.pdfs} PDFs), ${summary.findings} findings`,
    );
    print(
      `  ${summary.confirmed} findings confirmed by two reviewers; ${summary.contradictions} contradictions with assurances`,
    );
    print('Statuses:');
    for (const status of statusOrder)
      print(`  ${statusLabels[status].padEnd(36)} ${summary.statuses[status]}`);
    print('');
    print('Try:');
    print('  simwatch figures');
    print('  simwatch status --why DEMO-T01');
    print('  simwatch findings list --org DEMO-T02');
    print('');
    for (const line of demoAgreementGuide(summary.agreement)) print(line);
    return 0;
  },
});
