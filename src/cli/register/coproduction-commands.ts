import { keyNewCommand, signCommand } from '../coproduction/party-key-commands.js';
import { defineCommandGroup } from './define-register-command.js';

/** `simwatch agreement key ...`. */
const keyCommand = defineCommandGroup('agreement key', "Make a party's key pair", [keyNewCommand]);

/** `simwatch agreement ...`: co-production agreements, their keys and consents. */
export const agreementCommand = defineCommandGroup(
  'agreement',
  'Co-produce documents under an agreement: parties, versions, consent, publication',
  [keyCommand, signCommand],
);
