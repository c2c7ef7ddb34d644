// The JSON Schemas of the API's responses. Routes serialise with them and the OpenAPI document
// publishes them, so what the API sends is what its documentation says.
import { assuranceScopes } from '../../register/assurances/assurances-service.js';
import { organisationKinds } from '../../register/organisations/organisation.js';
import { statusOrder } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { labels } from '../../screening/finding.js';
import {
  arraySchema,
  daySchema,
  integerSchema,
  nullable,
  objectSchema,
  stringSchema,
  timeSchema,
  type JsonSchema,
} from './json-schema.js';

const featureSchema = stringSchema('A feature of concern, or SIM by name', { enum: features });
const featureStateSchema = stringSchema('What is known of the feature', {
  enum: ['continuing', 'ended', 'not_known'],
});
const countSchema = integerSchema('A number of organisations', { minimum: 0 });
const excerptSchema = stringSchema(
  'The exact passage, with personal data (NHS numbers, phone numbers, emails, postcodes, dates of birth, titled names) replaced by markers such as [name removed]',
);
const itemsRedactedSchema = integerSchema('How many items of personal data were removed', {
  minimum: 0,
});
const pageSchema = nullable(integerSchema('The page number printed on the page, if any'));

const organisationFields = {
  code: stringSchema('The organisation code (ODS code, police force id, or DEMO- for fiction)'),
  name: stringSchema('The organisation name'),
  kind: stringSchema('The kind of organisation', { enum: organisationKinds }),
  kindName: stringSchema('The kind of organisation, in words'),
  region: nullable(stringSchema('The region, when known')),
  status: stringSchema('The status derived from the records by the published rules', {
    enum: statusOrder,
  }),
  statusLabel: stringSchema('The status, in words'),
};

/** One organisation in a list. */
export const organisationSummarySchema = objectSchema(
  organisationFields,
  'An organisation and its status',
);

/** `GET /api/organisations`. */
export const organisationListSchema = objectSchema(
  { organisations: arraySchema(organisationSummarySchema, 'The organisations, by name') },
  'Organisations with their statuses',
);

/** One piece of confirmed evidence against an organisation. */
export const evidenceSchema = objectSchema(
  {
    findingId: integerSchema('The finding'),
    documentId: integerSchema('The document it is in'),
    documentTitle: stringSchema('The title of the document'),
    documentDate: nullable(daySchema('The date of the document')),
    page: pageSchema,
    feature: featureSchema,
    featureName: stringSchema('The feature, in words'),
    indicator: stringSchema('The rule of the indicator catalogue that found it'),
    excerpt: excerptSchema,
    itemsRedacted: itemsRedactedSchema,
  },
  'A finding confirmed by two reviewers: evidence of a feature',
);

const assuranceSchema = objectSchema(
  {
    id: integerSchema('The assurance'),
    givenOn: daySchema('The day it was given'),
    givenBy: stringSchema('Who gave it (a role, not a private person)'),
    scope: stringSchema('What it claims', { enum: assuranceScopes }),
    scopeDate: nullable(daySchema('The day use ended or will end, for those scopes')),
    feature: nullable(
      stringSchema('The feature said not to be used, for that scope', { enum: features }),
    ),
    text: stringSchema('What it says, with personal data removed'),
    source: nullable(stringSchema('Where it can be read (a URL or a reference)')),
    sourceDocumentId: nullable(integerSchema('The document of the register that records it')),
  },
  'An assurance the organisation gave',
);

const returnSchema = objectSchema(
  {
    id: integerSchema('The return'),
    review: stringSchema('The national review it answers'),
    reviewClosesOn: nullable(daySchema('The day the review closes')),
    responded: { type: 'boolean', description: 'Whether the organisation responded' },
    respondedOn: nullable(daySchema('The day it responded')),
    usedModel: nullable({
      type: 'boolean',
      description: 'Whether it says it used SIM or a SIM-type model (null: it did not say)',
    }),
    usedFrom: nullable(daySchema('When use began')),
    usedUntil: nullable(daySchema('When use ended')),
    continuingFeatures: arraySchema(featureSchema, 'The features it says continue'),
  },
  "The organisation's return to a national review",
);

const reasonSchema = objectSchema(
  {
    text: stringSchema('The reason, in words'),
    source: nullable(
      objectSchema(
        {
          kind: stringSchema('The kind of record', { enum: ['return', 'assurance', 'evidence'] }),
          id: integerSchema('The id of the return, the assurance or the finding'),
        },
        'The record the reason rests on',
      ),
    ),
  },
  'One reason for the status',
);

const contradictionSchema = objectSchema(
  {
    assuranceId: integerSchema('The assurance'),
    findingId: integerSchema('The confirmed finding that contradicts it'),
    feature: featureSchema,
    assuranceGivenOn: daySchema('The day the assurance was given'),
    evidenceDate: daySchema('The date of the evidence'),
    explanation: stringSchema('Why they contradict, in words'),
  },
  'Confirmed evidence that an assurance says cannot exist',
);

/** `GET /api/organisations/{code}`. */
export const organisationDetailSchema = objectSchema(
  {
    ...organisationFields,
    formerNames: arraySchema(stringSchema('An earlier name'), 'Earlier names'),
    sourceUrl: nullable(stringSchema('Where the reference data came from')),
    reasons: arraySchema(reasonSchema, 'Why it has this status'),
    features: objectSchema(
      Object.fromEntries(features.map((feature) => [feature, featureStateSchema])),
      'What is known of each feature',
    ),
    contradictions: arraySchema(contradictionSchema, 'Assurances contradicted by evidence'),
    evidence: arraySchema(evidenceSchema, 'Confirmed evidence, oldest finding first'),
    assurances: arraySchema(assuranceSchema, 'Assurances, in the order recorded'),
    returns: arraySchema(returnSchema, 'Returns to national reviews'),
  },
  'An organisation with everything public that the register holds about it',
);

const findingFields = {
  id: integerSchema('The finding'),
  label: stringSchema('What the passage shows', { enum: labels }),
  indicator: stringSchema('The rule of the indicator catalogue that found it'),
  reason: stringSchema('Why the rule fired, in words'),
  excerpt: excerptSchema,
  itemsRedacted: itemsRedactedSchema,
  page: pageSchema,
  confirmedAt: nullable(timeSchema('When the second reviewer confirmed it')),
};

const documentFindingSchema = objectSchema(findingFields, 'A confirmed finding in the document');

/** `GET /api/documents/{id}`. */
export const documentSchema = objectSchema(
  {
    id: integerSchema('The document'),
    title: stringSchema('Its title'),
    type: stringSchema('The kind of document'),
    typeName: stringSchema('The kind of document, in words'),
    date: nullable(daySchema('Its date')),
    organisations: arraySchema(
      objectSchema({ code: stringSchema('The code'), name: stringSchema('The name') }),
      'The organisations it is about',
    ),
    source: nullable(stringSchema('Where it came from (a URL or an FOI reference)')),
    obtained: nullable(stringSchema('How it was obtained')),
    sha256: stringSchema('The SHA-256 of the original file, to check a copy'),
    mediaType: stringSchema('The media type of the original'),
    byteSize: integerSchema('The size of the original in bytes'),
    pageCount: integerSchema('How many pages it has'),
    public: { type: 'boolean', description: 'Whether its original and text may be published' },
    addedAt: timeSchema('When it was added to the register'),
    catalogueVersion: stringSchema('The version of the indicator catalogue that screened it'),
    findings: arraySchema(documentFindingSchema, 'Confirmed findings only'),
    pages: nullable(
      arraySchema(
        objectSchema({
          position: integerSchema('The position of the page, from 1'),
          pageNumber: pageSchema,
          text: stringSchema('The text of the page, with personal data removed'),
        }),
        'The text by page: null when the document is not public',
      ),
    ),
  },
  "A document's details, its confirmed findings and, when it is public, its text",
);

/** `GET /api/findings`. */
export const findingListSchema = objectSchema(
  {
    total: integerSchema('How many findings match', { minimum: 0 }),
    limit: integerSchema('The most findings in one answer'),
    offset: integerSchema('How many matching findings were skipped'),
    findings: arraySchema(
      objectSchema(
        {
          ...findingFields,
          status: stringSchema('Only confirmed findings are public', { enum: ['confirmed'] }),
          documentId: integerSchema('The document it is in'),
          documentTitle: stringSchema('The title of the document'),
          documentDate: nullable(daySchema('The date of the document')),
          organisations: arraySchema(stringSchema('A code'), 'The codes of its organisations'),
        },
        'A confirmed finding',
      ),
      'Confirmed findings, oldest first',
    ),
  },
  'Confirmed findings, a page at a time',
);

const tallySchema = objectSchema({ used: countSchema, continuing: countSchema });

/** `GET /api/figures`. */
export const figuresSchema = objectSchema(
  {
    organisations: countSchema,
    asked: { ...countSchema, description: 'Organisations with a return (answered or not)' },
    responded: { ...countSchema, description: 'Organisations that responded' },
    usedModel: {
      ...countSchema,
      description: 'Organisations that said they used it, or with confirmed evidence',
    },
    continuing: { ...countSchema, description: 'Organisations that appear to be continuing' },
    contradicted: { ...countSchema, description: 'Organisations whose assurance is contradicted' },
    perFeature: objectSchema(
      Object.fromEntries(features.map((feature) => [feature, tallySchema])),
      'Organisations that used, or continue, each feature',
    ),
    perRegion: arraySchema(
      objectSchema({
        region: stringSchema('The region'),
        organisations: countSchema,
        responded: countSchema,
        usedModel: countSchema,
        continuing: countSchema,
      }),
      'The counts by region, unknown region last',
    ),
    byStatus: objectSchema(
      Object.fromEntries(statusOrder.map((status) => [status, countSchema])),
      'Organisations by status',
    ),
  },
  'National figures, computed from the records',
);

/** Every error the API sends. */
export const errorSchema = objectSchema(
  {
    error: objectSchema({
      code: stringSchema('A code from a closed list, such as not_found or invalid_input'),
      message: stringSchema('What went wrong, in words'),
    }),
  },
  'An error',
);

/** `GET /api/openapi.json`: any JSON object (the OpenAPI standard defines its shape). */
export const openApiDocumentSchema: JsonSchema = {
  type: 'object',
  description: 'An OpenAPI 3.1 document',
  additionalProperties: true,
};
