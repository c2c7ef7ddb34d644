import { SimwatchError } from '../../errors.js';
import { describeDocumentEdit } from '../../register/documents/describe-document-edit.js';
import {
  getDocumentDetails,
  listDocumentEdits,
} from '../../register/documents/documents-repository.js';
import { editDocument, type DocumentEditInput } from '../../register/documents/edit-document.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  listOption,
  requiredOption,
  stringOption,
  wholeNumber,
} from './define-register-command.js';

const editUsage =
  'Usage: simwatch document edit ID --reason TEXT [--title TEXT] [--date YYYY-MM-DD|none]\n' +
  '                                 [--source URL_OR_REF|none] [--public|--private]\n' +
  '                                 [--organisation CODE]... [--remove-organisation CODE]... [--json]';

const editCommand = defineRegisterCommand({
  name: 'document edit',
  summary: "Correct a document's title, date, source, access or organisations",
  usage: editUsage,
  help: `Corrects the details of a document already in the register. Each correction is
an event in the record, with who made it (--actor) and why (--reason), and shows
in the document's history. Statuses follow: they are derived from documents'
dates and organisations.

Options:
  --reason TEXT                Why the details were wrong (required)
  --title TEXT                 The document's title
  --date DATE                  The document's date, YYYY-MM-DD; "none" removes it
  --source TEXT                A URL or an FOI reference; "none" removes it
  --public, --private          Whether anyone may download the original
  --organisation CODE          Link the document to an organisation (repeatable)
  --remove-organisation CODE   Unlink it from an organisation (repeatable)`,
  options: {
    reason: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    source: { type: 'string' },
    public: { type: 'boolean' },
    private: { type: 'boolean' },
    organisation: { type: 'string', multiple: true },
    'remove-organisation': { type: 'string', multiple: true },
  },
  async run({ positionals, values, deps, actor, json, print }) {
    const [idText, ...extra] = positionals;
    if (idText === undefined || extra.length > 0)
      throw new SimwatchError('usage', 'Cannot edit: give one document id, such as 12');
    if (values.public === true && values.private === true)
      throw new SimwatchError('usage', 'Cannot edit: give --public or --private, not both');
    const cleared = (value: string | undefined) =>
      value === undefined ? undefined : value.trim().toLowerCase() === 'none' ? null : value;
    const input: DocumentEditInput = {
      documentId: wholeNumber(idText, 'the document id'),
      reason: requiredOption(values, 'reason'),
      title: stringOption(values.title),
      documentDate: cleared(stringOption(values.date)),
      source: cleared(stringOption(values.source)),
      public: values.public === true ? true : values.private === true ? false : undefined,
      linkOrganisationCodes: listOption(values.organisation),
      unlinkOrganisationCodes: listOption(values['remove-organisation']),
    };
    const edit = await editDocument(deps, input, actor);
    const history = await listDocumentEdits(deps.database.db, edit.documentId);
    const recorded = history[history.length - 1];
    if (json) print(JSON.stringify({ documentId: edit.documentId, edit: recorded }));
    else {
      print(`Corrected document ${edit.documentId}:`);
      for (const line of recorded ? describeDocumentEdit(recorded) : []) print(`  ${line}`);
    }
    return 0;
  },
});

const showCommand = defineRegisterCommand({
  name: 'document show',
  summary: "Show a document's details and the history of its corrections",
  usage: 'Usage: simwatch document show ID [--json]',
  help: "Prints a document's title, date, source, access and organisations, then each correction: when, by whom, why and what changed.",
  async run({ positionals, deps, json, print }) {
    const id = wholeNumber(positionals[0], 'the document id');
    const details = await getDocumentDetails(deps.database.db, id);
    const history = await listDocumentEdits(deps.database.db, id);
    if (json) {
      print(JSON.stringify({ ...details, history }));
      return 0;
    }
    print(`Document ${details.id}: ${details.title}`);
    print(`  Date: ${details.documentDate ?? 'not recorded'}`);
    print(`  Source: ${details.source ?? 'not recorded'}`);
    print(`  Original: ${details.public ? 'public' : 'private'}`);
    print(
      `  Organisations: ${details.organisations.map((org) => `${org.name} (${org.code})`).join(', ')}`,
    );
    print(`History:`);
    print(`  ${details.addedAt} added by ${details.addedBy}`);
    for (const edit of history) {
      print(`  ${edit.time} corrected by ${edit.editedBy}: ${edit.reason}`);
      for (const line of describeDocumentEdit(edit)) print(`    ${line}`);
    }
    return 0;
  },
});

/** `simwatch document ...`. */
export const documentCommand = defineCommandGroup(
  'document',
  "Correct documents' details and show their history",
  [editCommand, showCommand],
);
