import { SimwatchError } from '../../errors.js';
import { findingStatuses } from '../../register/findings/finding-status.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { checkChoice } from '../../register/validate-input.js';
import { findingTitle } from '../../web/render/finding-title.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  requiredOption,
  stringOption,
  wholeNumber,
} from './define-register-command.js';

const listCommand = defineRegisterCommand({
  name: 'findings list',
  summary: 'List findings for review',
  usage: 'Usage: simwatch findings list [--status STATUS] [--org CODE] [--limit N] [--json]',
  help: `Lists findings with their excerpt, document and decisions so far.

Options:
  --status STATUS   ${findingStatuses.join(', ')}
  --org CODE        Only findings in this organisation's documents
  --limit N         At most N findings`,
  options: { status: { type: 'string' }, org: { type: 'string' }, limit: { type: 'string' } },
  async run({ values, deps, json, print }) {
    const statusText = stringOption(values.status);
    const limitText = stringOption(values.limit);
    const findings = await listFindings(deps.database.db, {
      ...(statusText ? { status: checkChoice(statusText, findingStatuses, 'status') } : {}),
      ...(stringOption(values.org) ? { organisationCode: stringOption(values.org) } : {}),
      ...(limitText ? { limit: wholeNumber(limitText, 'the limit') } : {}),
    });
    if (json) {
      print(JSON.stringify(findings, null, 2));
      return 0;
    }
    if (findings.length === 0) print('No findings.');
    for (const finding of findings) {
      const page = finding.page === null ? '' : `, page ${finding.page}`;
      print(
        `#${finding.id} ${findingTitle(finding)} [${finding.status}] (${finding.label}, ${finding.indicator}, score ${finding.score})`,
      );
      print(
        `  ${finding.documentTitle} (document ${finding.documentId}${page}; ${finding.organisations.join(', ')})`,
      );
      print(`  "${finding.excerpt.replace(/\s+/g, ' ')}"`);
      for (const decision of finding.decisions)
        print(
          `  ${decision.decision}ed by ${decision.reviewer} on ${decision.decidedAt.slice(0, 10)}${decision.reason ? `: ${decision.reason}` : ''}`,
        );
    }
    return 0;
  },
});

function decisionCommand(decision: 'confirm' | 'reject') {
  return defineRegisterCommand({
    name: `findings ${decision}`,
    summary:
      decision === 'confirm'
        ? 'Confirm a finding (two reviewers make it evidence)'
        : 'Reject a finding, with a reason',
    usage: `Usage: simwatch findings ${decision} ID --reviewer USERNAME ${decision === 'reject' ? '--reason TEXT' : '[--reason TEXT]'} [--json]`,
    help:
      (decision === 'confirm'
        ? 'Records your confirmation. A finding becomes public evidence when two different\nreviewers have confirmed it since any rejection.'
        : 'Records your rejection and why. A rejection sends the finding back for discussion;\ntwo different reviewers rejecting it reject it.') +
      '\n\nThe reviewer is a workspace account, named by its user name in any case (Rev1 is\n' +
      'rev1): an enabled reviewer or administrator. Make one with\n' +
      '"simwatch user add USERNAME --role reviewer".',
    options: { reviewer: { type: 'string' }, reason: { type: 'string' } },
    fields: {
      reviewer:
        '--reviewer USERNAME: an enabled reviewer or administrator account; make one with ' +
        '"simwatch user add USERNAME --role reviewer"',
      reason: '--reason TEXT',
      findingId: 'see "simwatch findings list"',
    },
    async run({ positionals, values, deps, json, print }) {
      if (positionals.length !== 1)
        throw new SimwatchError('usage', `Cannot ${decision}: give one finding id`);
      const findingId = wholeNumber(positionals[0], 'the finding id');
      const status = await decideFinding(deps, {
        findingId,
        reviewer: requiredOption(values, 'reviewer'),
        decision,
        reason: stringOption(values.reason) ?? null,
      });
      print(
        json
          ? JSON.stringify({ findingId, status })
          : `Finding ${findingId} is now ${status.replace('_', ' ')}`,
      );
      return 0;
    },
  });
}

/** `simwatch findings ...`: review of findings. */
export const findingsCommand = defineCommandGroup('findings', 'List, confirm and reject findings', [
  listCommand,
  decisionCommand('confirm'),
  decisionCommand('reject'),
]);
