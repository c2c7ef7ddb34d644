import {
  bundleCommand,
  carryOutCommand,
  consentCommand,
  dissolveCommand,
  proposeCommand,
  publishAgreedCommand,
  statementCommand,
  withdrawCommand,
} from '../coproduction/agreement-action-commands.js';
import { downloadCommand } from '../coproduction/agreement-download-command.js';
import {
  commentCommand,
  createCommand,
  meetingCommand,
  memberCommand,
  versionCommand,
} from '../coproduction/agreement-draft-commands.js';
import { listCommand, showCommand } from '../coproduction/agreement-read-commands.js';
import { keyNewCommand, signCommand } from '../coproduction/party-key-commands.js';
import { defineCommandGroup } from './define-register-command.js';

/** `simwatch agreement key ...`. */
const keyCommand = defineCommandGroup('agreement key', "Make a party's key pair", [keyNewCommand]);

/** `simwatch agreement ...`: co-production agreements, their keys and consents. */
export const agreementCommand = defineCommandGroup(
  'agreement',
  'Co-produce documents under an agreement: parties, versions, consent, publication',
  [
    keyCommand,
    signCommand,
    createCommand,
    listCommand,
    showCommand,
    memberCommand,
    versionCommand,
    commentCommand,
    meetingCommand,
    proposeCommand,
    statementCommand,
    consentCommand,
    withdrawCommand,
    carryOutCommand,
    publishAgreedCommand,
    dissolveCommand,
    downloadCommand,
    bundleCommand,
  ],
);
