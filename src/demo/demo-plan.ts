// The demonstration register as plain data. Every organisation, person and document here is
// fictional: codes start with DEMO- so they can never collide with real ODS codes or police ids,
// and names are invented places. Nothing here is a claim about a real organisation.
import type { AssuranceInput } from '../register/assurances/assurances-service.js';
import type { DocumentKind } from '../register/documents/document.js';
import type { OrganisationInput } from '../register/organisations/organisation.js';
import type { ReturnInput, ReviewInput } from '../register/reviews/reviews-service.js';
import type { Label } from '../screening/finding.js';

/** One page of a demonstration document: a heading and its paragraphs. */
export interface DemoPage {
  heading: string;
  paragraphs: readonly string[];
}

/** A demonstration document; the file name's extension decides its format (.pdf, .txt, .md, .html). */
export interface DemoDocument {
  /** How decisions and assurances refer to the document. */
  key: string;
  fileName: string;
  title: string;
  organisationCodes: readonly string[];
  docType: DocumentKind;
  documentDate: string;
  source: string;
  obtained: string;
  /** PDFs get one PDF page each; other formats are read as one page, so they have one. */
  pages: readonly DemoPage[];
}

/** An assurance, citing its source document by key rather than by id. */
export type DemoAssurance = Omit<AssuranceInput, 'sourceDocumentId'> & { sourceDocument?: string };

/**
 * Reviewers' decisions on the finding of `label` whose excerpt contains `passage`, in a document.
 * Chosen by its words rather than by what proposed it (a catalogue indicator or a frame of the
 * model), so that decisions land on the passage the plan means.
 */
export interface DemoDecisions {
  document: string;
  label: Label;
  passage: string;
  decisions: readonly { reviewer: string; decision: 'confirm' | 'reject'; reason?: string }[];
}

/** The whole demonstration register. */
export interface DemoPlan {
  organisations: readonly OrganisationInput[];
  links: readonly { code: string; linkedCode: string; relation: string }[];
  review: Required<ReviewInput>;
  /** The reviewers' accounts, made without a password: the decisions name them. */
  reviewers: readonly { username: string; displayName: string }[];
  returns: readonly Omit<ReturnInput, 'reviewName'>[];
  assurances: readonly DemoAssurance[];
  documents: readonly DemoDocument[];
  decisions: readonly DemoDecisions[];
}

/** The line every demonstration document starts with, so no one mistakes one for a real paper. */
export const demoBanner =
  'Fictional demonstration document made by simwatch: the organisations in it do not exist.';

const organisation = (
  code: string,
  name: string,
  kind: OrganisationInput['kind'],
  region: string,
): OrganisationInput => ({ code, name, kind, region, formerNames: [], sourceUrl: null });

const demoOrganisations: readonly OrganisationInput[] = [
  // T01: said its scheme ended in 2021; a 2023 board paper shows it continuing (contradicted).
  organisation(
    'DEMO-T01',
    'Eastmere Mental Health NHS Foundation Trust',
    'mental_health_trust',
    'North East',
  ),
  // T02: its return says features continue, and confirmed evidence agrees (continuing).
  organisation(
    'DEMO-T02',
    'Kestrelford Healthcare NHS Foundation Trust',
    'mental_health_trust',
    'North West',
  ),
  // T03: used the model and ended it, with evidence only from before the end (used, ended).
  organisation(
    'DEMO-T03',
    'Wrenmoor Partnership NHS Trust',
    'mental_health_trust',
    'Yorkshire and the Humber',
  ),
  // T04: says never used; a flagged case study about elsewhere was rejected (says not used).
  organisation(
    'DEMO-T04',
    'Fenmarsh Mental Health NHS Trust',
    'mental_health_trust',
    'East of England',
  ),
  // T05: did not respond; its findings are leads awaiting a second reviewer (did not respond).
  organisation(
    'DEMO-T05',
    'Brackenmoor Care NHS Foundation Trust',
    'mental_health_trust',
    'South West',
  ),
  // T06: no return and no assurance; findings pending (nothing known yet).
  organisation(
    'DEMO-T06',
    'Lowhaven and Tarnside NHS Foundation Trust',
    'mental_health_trust',
    'South West',
  ),
  organisation('DEMO-P01', 'Eastmere Constabulary', 'police_force', 'North East'),
  organisation('DEMO-P02', 'Kestrelford Police', 'police_force', 'North West'),
  organisation('DEMO-P03', 'Wrenmoor Police', 'police_force', 'Yorkshire and the Humber'),
  organisation('DEMO-P04', 'Brackenmoor Constabulary', 'police_force', 'South West'),
  organisation(
    'DEMO-ICB1',
    'NHS Brackenmoor and Lowhaven Integrated Care Board',
    'integrated_care_board',
    'South West',
  ),
  organisation(
    'DEMO-HIN1',
    'Eastmere Health Innovation Network',
    'health_innovation_network',
    'North East',
  ),
];

const demoLinks: DemoPlan['links'] = [
  { code: 'DEMO-T01', linkedCode: 'DEMO-P01', relation: 'works_with' },
  { code: 'DEMO-T02', linkedCode: 'DEMO-P02', relation: 'works_with' },
  { code: 'DEMO-T03', linkedCode: 'DEMO-P03', relation: 'works_with' },
  { code: 'DEMO-T05', linkedCode: 'DEMO-P04', relation: 'works_with' },
  { code: 'DEMO-T06', linkedCode: 'DEMO-P04', relation: 'works_with' },
  { code: 'DEMO-ICB1', linkedCode: 'DEMO-T05', relation: 'commissions' },
  { code: 'DEMO-ICB1', linkedCode: 'DEMO-T06', relation: 'commissions' },
  { code: 'DEMO-HIN1', linkedCode: 'DEMO-T01', relation: 'promoted_scheme_to' },
];

const demoReview: DemoPlan['review'] = {
  name: 'Demonstration review 2024',
  openedOn: '2024-01-15',
  closesOn: '2024-06-30',
  questions: [
    'Has your organisation used Serenity Integrated Mentoring or a similar model, and if so from when until when?',
    'Are police officers or police staff involved in planning or delivering non-emergency mental health care?',
    'Do any care or response plans use sanctions, behaviour contracts or reduced responses for people who frequently seek help?',
  ],
};

const demoReturns: DemoPlan['returns'] = [
  {
    organisationCode: 'DEMO-T01',
    responded: true,
    respondedOn: '2024-03-12',
    usedModel: true,
    usedFrom: '2019-02-11',
    usedUntil: '2021-03-31',
    notes: 'Said the SIM service ended on 31 March 2021.',
  },
  {
    organisationCode: 'DEMO-T02',
    responded: true,
    respondedOn: '2024-04-02',
    usedModel: true,
    usedFrom: '2019-01-07',
    continuingFeatures: ['police_in_care', 'discrimination_hiu'],
    notes: 'Said a police officer remains part of the high intensity team.',
  },
  {
    organisationCode: 'DEMO-T03',
    responded: true,
    respondedOn: '2024-02-28',
    usedModel: true,
    usedFrom: '2019-04-01',
    usedUntil: '2021-09-30',
  },
  {
    organisationCode: 'DEMO-T04',
    responded: true,
    respondedOn: '2024-02-20',
    usedModel: false,
    notes: 'Said it had never used SIM or a SIM-type model.',
  },
  {
    organisationCode: 'DEMO-T05',
    responded: false,
    notes: 'No return by the closing date after two reminders.',
  },
  {
    organisationCode: 'DEMO-P01',
    responded: true,
    respondedOn: '2024-05-10',
    usedModel: true,
    usedFrom: '2019-02-11',
    notes: 'Said it took part in the SIM service; did not say whether it ended.',
  },
  { organisationCode: 'DEMO-P02', responded: false, notes: 'No return received.' },
  {
    organisationCode: 'DEMO-P03',
    responded: true,
    respondedOn: '2024-06-14',
    usedModel: true,
    usedFrom: '2019-04-01',
    usedUntil: '2021-09-30',
  },
  {
    organisationCode: 'DEMO-HIN1',
    responded: true,
    respondedOn: '2024-06-28',
    usedModel: true,
    usedFrom: '2018-06-01',
    usedUntil: '2021-06-30',
    notes: 'Said it promoted the model to partner trusts until June 2021.',
  },
];

const demoAssurances: readonly DemoAssurance[] = [
  {
    organisationCode: 'DEMO-T01',
    givenOn: '2021-06-01',
    givenBy: 'Chief Executive, Eastmere Mental Health NHS Foundation Trust',
    scope: 'ended',
    scopeDate: '2021-03-31',
    text: 'The Trust’s SIM service ended on 31 March 2021. Police officers are no longer involved in care planning for any person using our services.',
    sourceDocument: 'eastmere-letter-2021',
    source: 'https://example.org/demo/eastmere/letters/2021-06-01',
  },
  {
    organisationCode: 'DEMO-T02',
    givenOn: '2024-09-16',
    givenBy: 'Medical Director, Kestrelford Healthcare NHS Foundation Trust',
    scope: 'will_end',
    scopeDate: '2025-03-31',
    text: 'Police involvement in the high intensity service will end by 31 March 2025 as the service is redesigned with people who use it.',
    source: 'FOI-DEMO-2024-0530',
  },
  {
    organisationCode: 'DEMO-T03',
    givenOn: '2022-02-14',
    givenBy: 'Information Governance Manager, Wrenmoor Partnership NHS Trust',
    scope: 'ended',
    scopeDate: '2021-09-30',
    text: 'The SIM service ended on 30 September 2021 and police officers are no longer involved in care planning.',
    sourceDocument: 'wrenmoor-foi-2022',
    source: 'FOI-DEMO-2022-0045',
  },
  {
    organisationCode: 'DEMO-T04',
    givenOn: '2021-07-08',
    givenBy: 'Director of Nursing, Fenmarsh Mental Health NHS Trust',
    scope: 'never_used',
    text: 'The Trust has never operated SIM or any SIM-type model.',
    sourceDocument: 'fenmarsh-foi-2021',
    source: 'FOI-DEMO-2021-0087',
  },
  {
    organisationCode: 'DEMO-P03',
    givenOn: '2022-03-01',
    givenBy: 'Assistant Chief Constable, Wrenmoor Police',
    scope: 'feature_not_used',
    feature: 'police_in_care',
    text: 'Wrenmoor Police officers no longer take part in planning or delivering non-emergency mental health care.',
    source: 'https://example.org/demo/wrenmoor-police/statements/2022-03-01',
  },
  {
    organisationCode: 'DEMO-ICB1',
    givenOn: '2023-05-15',
    givenBy: 'Chief Nursing Officer, NHS Brackenmoor and Lowhaven Integrated Care Board',
    scope: 'feature_not_used',
    feature: 'coercion_sanctions',
    text: 'The ICB does not commission any service that uses sanctions, behaviour contracts or warning letters in response to people seeking help.',
    sourceDocument: 'icb-board-2023',
    source: 'https://example.org/demo/brackenmoor-lowhaven-icb/board/2023-05-15',
  },
];

const demoDocuments: readonly DemoDocument[] = [
  {
    key: 'eastmere-launch-2019',
    fileName: 'eastmere-launches-sim-2019.html',
    title: 'Eastmere launches Serenity Integrated Mentoring service',
    organisationCodes: ['DEMO-T01', 'DEMO-HIN1'],
    docType: 'news',
    documentDate: '2019-02-11',
    source: 'https://example.org/demo/eastmere/news/2019-02-11-sim-launch',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Eastmere launches Serenity Integrated Mentoring service',
        paragraphs: [
          'Eastmere Mental Health NHS Foundation Trust and Eastmere Constabulary today launched a Serenity Integrated Mentoring service for the county, supported by Eastmere Health Innovation Network.',
          'The service will work with people the Trust describes as high intensity users of emergency services, who together made more than 2,000 calls to 999 last year.',
          'A specialist police officer will join the community mental health team and work alongside a named care coordinator for each person.',
          'The programme is funded for two years by the Trust, the Constabulary and the local clinical commissioning group.',
          'The High Intensity Network will provide training for the new team in March.',
        ],
      },
    ],
  },
  {
    key: 'eastmere-agreement-2019',
    fileName: 'eastmere-sim-information-sharing-agreement-2019.pdf',
    title: 'Information sharing agreement: SIM service (Eastmere)',
    organisationCodes: ['DEMO-T01', 'DEMO-P01'],
    docType: 'agreement',
    documentDate: '2019-09-02',
    source: 'FOI-DEMO-2022-0311 (Eastmere Constabulary)',
    obtained: 'FOI request',
    pages: [
      {
        heading: 'Information Sharing Agreement: Serenity Integrated Mentoring (SIM) service',
        paragraphs: [
          '1. Parties. This agreement is made between Eastmere Mental Health NHS Foundation Trust and Eastmere Constabulary.',
          '2. Purpose. The agreement sets out how the two organisations will share information to deliver the SIM service in the Eastmere area.',
          '3. Duration. The agreement runs from 2 September 2019 for three years and will be reviewed every year by both parties.',
          '4. Legal basis. Information is shared under Article 6(1)(e) and Article 9(2)(h) of the UK General Data Protection Regulation.',
        ],
      },
      {
        heading: 'Roles of the parties',
        paragraphs: [
          '5. The SIM officer is a serving police officer seconded to the community mental health team for three days a week.',
          '6. The SIM officer and the care coordinator carry out joint visits to each service user on the caseload.',
          '7. Police officers attend the monthly high intensity panel to agree response plans for each person.',
          '8. The Trust will share the care plan, risk assessment and crisis contacts of each service user with the SIM officer.',
        ],
      },
      {
        heading: 'Response plans',
        paragraphs: [
          '9. Each response plan will be shared with the ambulance service, the emergency department and the police control room.',
          '10. Response plans for high intensity users advise ambulance crews that no conveyance is required.',
          '11. Where a service user continues to call 999, the SIM officer may consider a Community Protection Notice or a Criminal Behaviour Order.',
        ],
      },
      {
        heading: 'Security, breaches and review',
        paragraphs: [
          '12. Information will be stored on the Trust’s electronic record and the Constabulary’s case management system, with access limited to named staff.',
          '13. Each party will report any data breach to the other within 24 hours and cooperate in any investigation.',
          '14. Signed for both parties by the Trust’s Caldicott Guardian and the Constabulary’s Head of Information Management.',
        ],
      },
    ],
  },
  {
    key: 'eastmere-letter-2021',
    fileName: 'eastmere-letter-to-service-user-network-2021.md',
    title: 'Letter to the Eastmere Service User Network about the high intensity service',
    organisationCodes: ['DEMO-T01'],
    docType: 'correspondence',
    documentDate: '2021-06-01',
    source: 'https://example.org/demo/eastmere/letters/2021-06-01',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Letter to the Eastmere Service User Network',
        paragraphs: [
          'Thank you for your letter of 12 May 2021 asking about our former high intensity service.',
          'The Trust’s SIM service ended on 31 March 2021.',
          'Police officers are no longer involved in care planning for any person using our services.',
          'We have written to everyone who was on the caseload to explain the change and to offer a review of their care plan.',
          'We are grateful for the time your members have given to this, and we will keep listening to people with lived experience.',
          'Yours sincerely, Chief Executive',
        ],
      },
    ],
  },
  {
    key: 'eastmere-board-2023',
    fileName: 'eastmere-board-paper-2023-09-item-9.pdf',
    title: 'Board of Directors, 28 September 2023: Quality and Safety Committee report',
    organisationCodes: ['DEMO-T01'],
    docType: 'board_paper',
    documentDate: '2023-09-28',
    source: 'https://example.org/demo/eastmere/board/2023-09-28-item-9.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading:
          'Board of Directors, 28 September 2023. Item 9: Quality and Safety Committee report',
        paragraphs: [
          'Purpose. This report summarises the business of the Quality and Safety Committee at its meetings in July and August 2023.',
          'The Committee received the quarterly patient experience report and noted an improvement in response times to complaints.',
          'Waiting times for psychological therapies remain above the national standard, and a recovery plan is in place.',
          'The Committee is chaired by a non-executive director and reports to the Board after each meeting; both meetings were quorate.',
        ],
      },
      {
        heading: 'Community crisis care',
        paragraphs: [
          'The Committee received an update on the High Intensity Support Service, which has supported adults in the community since April 2021.',
          'A police sergeant works in the community mental health team two days a week and carries out joint visits with the care coordinator for each person on the caseload.',
          'The service currently supports 38 people who frequently contact emergency services.',
          'Response plans for people on the high intensity caseload advise ambulance crews that no conveyance is required.',
        ],
      },
      {
        heading: 'Outcomes',
        paragraphs: [
          'Calls to 999 from people on the caseload fell by 41 per cent in the first year.',
          'People on the caseload who continue to call 999 frequently will be given an acceptable behaviour contract and may be prosecuted.',
          'The Committee asked for the outcome measures to include the experience of the people supported.',
          'An evaluation by the Trust’s research and development team is expected in spring 2024.',
        ],
      },
      {
        heading: 'Assurance and risks',
        paragraphs: [
          'The Committee noted concerns raised by campaigners that police involvement in care may deter people from seeking help.',
          'The Committee asked for an equality impact assessment of the service by March 2024.',
          'Two serious incidents were reported in the period and both are under review.',
        ],
      },
      {
        heading: 'Recommendation',
        paragraphs: [
          'The Board is asked to note the report.',
          'Finance: the Trust reported a surplus of £0.4 million at month five, in line with plan.',
          'Capital spending is on track, and the refurbishment of the older adult ward is due to finish in December.',
        ],
      },
    ],
  },
  {
    key: 'kestrelford-policy-2024',
    fileName: 'kestrelford-high-intensity-service-policy-v3.pdf',
    title: 'High Intensity Service Operational Policy, version 3',
    organisationCodes: ['DEMO-T02'],
    docType: 'policy',
    documentDate: '2024-02-01',
    source: 'https://example.org/demo/kestrelford/policies/high-intensity-v3.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading: 'High Intensity Service Operational Policy, version 3',
        paragraphs: [
          'Document control. Approved by the Clinical Governance Group on 1 February 2024; next review February 2026.',
          '1. Introduction. This policy describes how the Trust supports adults who frequently contact emergency and crisis services.',
          'It applies to staff in community mental health teams, the crisis line and the liaison psychiatry service.',
          'Related documents: Safeguarding Adults Policy; Information Sharing Policy; Clinical Risk Assessment Policy.',
        ],
      },
      {
        heading: '2. The high intensity team',
        paragraphs: [
          'The high intensity team includes a police officer who attends care planning meetings.',
          'The team meets every week and reviews every person on the caseload at least once a month.',
          'Kestrelford Police provide a named officer for each person on the caseload, who attends joint visits with the care coordinator.',
        ],
      },
      {
        heading: '3. Identifying high intensity users',
        paragraphs: [
          'A person is added to the high intensity list after five or more contacts with emergency services in a month.',
          'Frequent callers cost the service over £400,000 a year and their demand must be reduced.',
          'The list is reviewed by the team manager every quarter.',
        ],
      },
      {
        heading: '4. Response plans and boundaries',
        paragraphs: [
          'People who continue to call 999 frequently will be given a behaviour contract and may be prosecuted.',
          'Attention seeking behaviour will not be reinforced by a response from the crisis team.',
          'Each response plan is shared with the ambulance service and the police control room.',
        ],
      },
      {
        heading: '5. Safeguarding and consent',
        paragraphs: [
          'Staff must follow the Trust’s safeguarding adults policy in every case.',
          'Consent to share information is sought at the first meeting and recorded in the care record.',
          'Information shared with partner agencies must be the minimum needed, and each disclosure is recorded in the care record.',
        ],
      },
      {
        heading: '6. Monitoring',
        paragraphs: [
          'The team reports each month to the Clinical Governance Group on the number of contacts with emergency services.',
          'An annual audit will check that response plans are reviewed every three months.',
          'Equality impact assessment: completed in January 2024 and published with this policy.',
        ],
      },
    ],
  },
  {
    key: 'kestrelford-letter-2024',
    fileName: 'kestrelford-letter-to-police-2024-06.txt',
    title: 'Letter to Kestrelford Police: continuation of the high intensity partnership',
    organisationCodes: ['DEMO-T02'],
    docType: 'correspondence',
    documentDate: '2024-06-10',
    source: 'FOI-DEMO-2024-0412 (Kestrelford Healthcare NHS Foundation Trust)',
    obtained: 'FOI request',
    pages: [
      {
        heading: 'Re: continuation of the high intensity service partnership',
        paragraphs: [
          'Thank you for meeting us on 3 June to discuss the partnership for 2024 to 2025.',
          'Mr John Example, the high intensity lead (telephone 01632 960 123), confirmed that a police officer remains part of the community mental health team and works alongside a named care coordinator for each person on the caseload.',
          'We would be grateful if the Constabulary could continue to fund the officer post until March 2025.',
          'We will share the evaluation of the service with you in the autumn.',
          'Yours sincerely, Director of Operations',
        ],
      },
    ],
  },
  {
    key: 'kestrelford-template-2024',
    fileName: 'kestrelford-response-plan-template.md',
    title: 'Response plan template (high intensity service)',
    organisationCodes: ['DEMO-T02'],
    docType: 'care_plan_template',
    documentDate: '2024-03-15',
    source: 'https://example.org/demo/kestrelford/templates/response-plan',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Response plan template',
        paragraphs: [
          'Use this template for every person on the high intensity caseload, and review it every three months with the person.',
          'Section 1: Who this plan is for. Record the crisis contacts the person has chosen and how they prefer to be contacted.',
          'Section 2: Advice to the ambulance service. The response plan advises ambulance crews that no conveyance is required.',
          'Section 3: Advice to the crisis line. Calls should be limited to ten minutes and the caller reminded of their behaviour agreement.',
          'Section 4: Signatures. The plan is signed by the care coordinator and the team manager.',
        ],
      },
    ],
  },
  {
    key: 'kestrelford-forum-letter-2023',
    fileName: 'kestrelford-service-user-forum-open-letter.md',
    title: 'Open letter from the Kestrelford Service User Forum',
    organisationCodes: ['DEMO-T02'],
    docType: 'correspondence',
    documentDate: '2023-10-10',
    source: 'https://example.org/demo/kestrelford-forum/open-letter',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Open letter to the Trust Board',
        paragraphs: [
          'We are writing on behalf of the Kestrelford Service User Forum.',
          'Campaigners say SIM criminalised people in crisis and withheld lifesaving treatment.',
          'Concerns have been raised that response plans withhold care from people in crisis.',
          'We call on the Trust to end police involvement in planned mental health care.',
          'We ask the Board to meet us and to publish its review in full.',
        ],
      },
    ],
  },
  {
    key: 'kestrelford-police-news-2023',
    fileName: 'kestrelford-police-news-2023-07.html',
    title: 'Officers join the high intensity team',
    organisationCodes: ['DEMO-P02'],
    docType: 'news',
    documentDate: '2023-07-04',
    source: 'https://example.org/demo/kestrelford-police/news/2023-07-04',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Officers join the high intensity team',
        paragraphs: [
          'Kestrelford Police has renewed its partnership with the local mental health trust for another year.',
          'A police sergeant is based in the community mental health team two days a week.',
          'The force also runs a summer road safety campaign in partnership with the fire service.',
        ],
      },
    ],
  },
  {
    key: 'wrenmoor-board-2020',
    fileName: 'wrenmoor-board-paper-2020-01-item-7.pdf',
    title: 'Trust Board, 30 January 2020: SIM service six-month report',
    organisationCodes: ['DEMO-T03', 'DEMO-P03'],
    docType: 'board_paper',
    documentDate: '2020-01-30',
    source: 'https://example.org/demo/wrenmoor/board/2020-01-30-item-7.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Trust Board, 30 January 2020. Item 7: SIM service six-month report',
        paragraphs: [
          'The Trust adopted the SIM model in 2019 with funding from the Academic Health Science Network.',
          'This paper reports on the first six months of the service, run jointly with Wrenmoor Police.',
          'Author: Director of Nursing. Presented by the Associate Director of Community Services.',
        ],
      },
      {
        heading: 'How the service works',
        paragraphs: [
          'The SIM officer and the care coordinator carry out joint visits to each service user.',
          'Twenty-two people are on the caseload, and each has a response plan shared with partner agencies.',
          'Contacts with emergency services by people on the caseload fell by 35 per cent.',
        ],
      },
      {
        heading: 'Recommendation',
        paragraphs: [
          'The Board is asked to approve the continuation of the service for a further year.',
          'The service costs £96,000 a year, shared equally between the Trust and Wrenmoor Police.',
          'The Quality Committee will receive a further report in twelve months.',
        ],
      },
    ],
  },
  {
    key: 'wrenmoor-foi-2022',
    fileName: 'wrenmoor-foi-response-2022-0045.txt',
    title: 'FOI response FOI-DEMO-2022-0045: high intensity service',
    organisationCodes: ['DEMO-T03'],
    docType: 'foi_response',
    documentDate: '2022-02-14',
    source: 'FOI-DEMO-2022-0045',
    obtained: 'FOI request',
    pages: [
      {
        heading: 'Freedom of Information request FOI-DEMO-2022-0045',
        paragraphs: [
          'You asked about the Trust’s high intensity service.',
          'The SIM service ended on 30 September 2021 and police officers are no longer involved in care planning.',
          'Response plans written under the service were reviewed with each person and withdrawn by December 2021.',
          'If you are unhappy with this response you may ask for an internal review within 40 working days.',
        ],
      },
    ],
  },
  {
    key: 'fenmarsh-policy-2022',
    fileName: 'fenmarsh-crisis-pathway-policy-2022.pdf',
    title: 'Crisis Pathway Policy (Fenmarsh)',
    organisationCodes: ['DEMO-T04'],
    docType: 'policy',
    documentDate: '2022-11-01',
    source: 'https://example.org/demo/fenmarsh/policies/crisis-pathway-2022.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Crisis Pathway Policy',
        paragraphs: [
          '1. Purpose. This policy sets out how adults in mental health crisis can get help from the Trust at any time of day or night.',
          '2. Principles. Everyone who contacts the crisis line gets a compassionate response, however often they call.',
          'Frequent attenders are offered a personalised care plan co-produced with them.',
          'Scope: adult community mental health services, the crisis line and the home treatment team.',
        ],
      },
      {
        heading: '3. Working with the police',
        paragraphs: [
          'Mental health nurses work in the police control room to advise officers attending a crisis.',
          'Police are not involved in care planning.',
          'The Trust has never operated SIM or any SIM-type model.',
        ],
      },
      {
        heading: '4. Review',
        paragraphs: [
          'This policy will be reviewed in November 2024, with the Fenmarsh Lived Experience Panel.',
          'Equality impact assessment: completed in October 2022, with no changes needed.',
          'Approved by the Quality and Safety Committee on 25 October 2022.',
        ],
      },
    ],
  },
  {
    key: 'fenmarsh-foi-2021',
    fileName: 'fenmarsh-foi-response-2021-0087.txt',
    title: 'FOI response FOI-DEMO-2021-0087: Serenity Integrated Mentoring',
    organisationCodes: ['DEMO-T04'],
    docType: 'foi_response',
    documentDate: '2021-07-08',
    source: 'FOI-DEMO-2021-0087',
    obtained: 'FOI request',
    pages: [
      {
        heading: 'Freedom of Information request FOI-DEMO-2021-0087',
        paragraphs: [
          'You asked whether the Trust has a high intensity user team working with the police.',
          'The Trust has never operated SIM or any SIM-type model.',
          'The Trust shares information with the police only in an emergency or where the law requires it.',
        ],
      },
    ],
  },
  {
    key: 'fenmarsh-training-2023',
    fileName: 'fenmarsh-training-learning-from-elsewhere.md',
    title: 'Training: learning from elsewhere about crisis care and the police',
    organisationCodes: ['DEMO-T04'],
    docType: 'training',
    documentDate: '2023-04-20',
    source: 'https://example.org/demo/fenmarsh/training/learning-from-elsewhere',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Learning from elsewhere: crisis care and the police',
        paragraphs: [
          'Slide 3. This session looks at schemes run by other trusts, so that staff can recognise them.',
          'Slide 4. Case study: the SIM officer and the care coordinator carry out joint visits to each service user.',
          'Slide 5. Case study: people who frequently call will be given a behaviour contract and may face prosecution.',
          'Slide 6. Our approach is compassionate, trauma-informed care for everyone who contacts us.',
        ],
      },
    ],
  },
  {
    key: 'brackenmoor-protocol-2020',
    fileName: 'brackenmoor-frequent-caller-protocol-2020.pdf',
    title: 'Frequent caller protocol (Brackenmoor)',
    organisationCodes: ['DEMO-T05', 'DEMO-P04'],
    docType: 'agreement',
    documentDate: '2020-10-05',
    source: 'FOI-DEMO-2023-0219 (Brackenmoor Constabulary)',
    obtained: 'FOI request',
    pages: [
      {
        heading:
          'Frequent Caller Protocol: Brackenmoor Care NHS Foundation Trust and Brackenmoor Constabulary',
        paragraphs: [
          'This protocol describes how the two organisations will respond to people who contact emergency services many times.',
          'It was agreed by the Trust’s Executive Team and the Constabulary’s Chief Officer Group in October 2020.',
          'Each organisation names a lead for the protocol, who meets the other lead every month.',
        ],
      },
      {
        heading: 'Escalation',
        paragraphs: [
          'Repeat callers who continue to contact the crisis line will receive a warning letter.',
          'A Community Protection Notice may be issued to people who repeatedly call 999.',
          'Police officers attend the monthly high intensity panel to agree a response plan for each person on the caseload.',
        ],
      },
      {
        heading: 'Review',
        paragraphs: [
          'The protocol will be reviewed after twelve months by both organisations.',
          'Information is shared under the Brackenmoor partnership information sharing agreement.',
          'Questions about the protocol should go to the Trust’s partnership office.',
        ],
      },
    ],
  },
  {
    key: 'brackenmoor-news-2022',
    fileName: 'brackenmoor-gazette-2022-05-19.html',
    title: 'Campaigners ask Brackenmoor trust to publish crisis care review',
    organisationCodes: ['DEMO-T05'],
    docType: 'news',
    documentDate: '2022-05-19',
    source: 'https://example.org/demo/brackenmoor-gazette/2022-05-19',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Campaigners ask Brackenmoor trust to publish crisis care review',
        paragraphs: [
          'Campaigners have asked Brackenmoor Care NHS Foundation Trust to publish its review of crisis care.',
          'Campaigners say SIM criminalised people in crisis and withheld lifesaving treatment.',
          'The Trust said it would respond to the campaign group directly.',
        ],
      },
    ],
  },
  {
    key: 'brackenmoor-training-2021',
    fileName: 'brackenmoor-police-mental-health-training-2021.txt',
    title: 'Mental health awareness training for Brackenmoor Constabulary',
    organisationCodes: ['DEMO-P04', 'DEMO-T05'],
    docType: 'training',
    documentDate: '2021-11-03',
    source: 'https://example.org/demo/brackenmoor-police/training-2021',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Mental health awareness training, autumn 2021',
        paragraphs: [
          'Clinicians from the Trust delivered mental health awareness training to 120 officers this autumn.',
          'The course covered recognising distress, talking to someone in crisis and when to call the crisis line.',
          'Feedback from officers was positive, and the course will run again next year.',
        ],
      },
    ],
  },
  {
    key: 'lowhaven-board-2025',
    fileName: 'lowhaven-board-paper-2025-03-repeat-contact.pdf',
    title: 'Board meeting, 27 March 2025: Repeat Contact Project',
    organisationCodes: ['DEMO-T06'],
    docType: 'board_paper',
    documentDate: '2025-03-27',
    source: 'https://example.org/demo/lowhaven/board/2025-03-27-item-11.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Board meeting, 27 March 2025. Item 11: Repeat Contact Project',
        paragraphs: [
          'This paper proposes a Repeat Contact Project for the crisis line from June 2025.',
          'The crisis line answered 61,000 calls last year, and most callers contacted it only once.',
          'Author: Director of Operations. The paper was discussed at the Executive Team in February 2025.',
        ],
      },
      {
        heading: 'Proposal',
        paragraphs: [
          'Repeat callers who continue to contact the crisis line will receive a warning letter.',
          'Frequent callers cost the service over £250,000 a year and their demand must be reduced.',
        ],
      },
      {
        heading: 'Engagement',
        paragraphs: [
          'The proposal has not yet been discussed with the Lived Experience Council.',
          'The Board is asked to approve a six-month pilot.',
        ],
      },
      {
        heading: 'Finance',
        paragraphs: [
          'The pilot costs £42,000 and is funded from the crisis line budget.',
          'The Trust’s quality improvement team will evaluate the pilot and report to the Board in January 2026.',
        ],
      },
    ],
  },
  {
    key: 'icb-board-2023',
    fileName: 'brackenmoor-lowhaven-icb-board-2023-05.txt',
    title: 'ICB Board, 15 May 2023: commissioning of crisis services',
    organisationCodes: ['DEMO-ICB1'],
    docType: 'board_paper',
    documentDate: '2023-05-15',
    source: 'https://example.org/demo/brackenmoor-lowhaven-icb/board/2023-05-15',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Commissioning of crisis services',
        paragraphs: [
          'The Board received the annual review of crisis services commissioned from the two mental health trusts.',
          'The ICB does not commission any service that uses sanctions, behaviour contracts or warning letters in response to people seeking help.',
          'Crisis line answering times improved in both trusts during the year.',
        ],
      },
    ],
  },
  {
    key: 'eastmere-hin-newsletter-2019',
    fileName: 'eastmere-health-innovation-network-newsletter-2019-05.pdf',
    title: 'Eastmere Health Innovation Network newsletter, May 2019',
    organisationCodes: ['DEMO-HIN1'],
    docType: 'news',
    documentDate: '2019-05-20',
    source: 'https://example.org/demo/eastmere-health-innovation-network/newsletter-2019-05.pdf',
    obtained: 'Published online',
    pages: [
      {
        heading: 'Eastmere Health Innovation Network newsletter, May 2019',
        paragraphs: [
          'Eastmere Health Innovation Network is supporting three trusts in the region to adopt the SIM model this year.',
          'The High Intensity Network provided training for the first team in March.',
        ],
      },
      {
        heading: 'Other news',
        paragraphs: [
          'Our digital health programme has funded four new projects in primary care.',
          'The annual innovation awards will be held in November.',
          'Applications for the next round of the patient safety fellowship open in September.',
        ],
      },
    ],
  },
];

const confirmBy = (first: string, second: string): DemoDecisions['decisions'] => [
  { reviewer: first, decision: 'confirm' },
  { reviewer: second, decision: 'confirm' },
];

const demoDecisions: readonly DemoDecisions[] = [
  // The contradiction: 2023 evidence against the assurance that the scheme ended in 2021.
  {
    document: 'eastmere-board-2023',
    label: 'police_in_care',
    passage: 'A police sergeant works in the community mental health team',
    decisions: confirmBy('reviewer-a', 'reviewer-b'),
  },
  {
    document: 'eastmere-board-2023',
    label: 'coercion_sanctions',
    passage: 'acceptable behaviour contract and may be prosecuted',
    decisions: confirmBy('reviewer-a', 'reviewer-b'),
  },
  {
    document: 'eastmere-agreement-2019',
    label: 'police_in_care',
    passage: 'The SIM officer and the care coordinator carry out joint visits',
    decisions: confirmBy('reviewer-b', 'reviewer-c'),
  },
  {
    document: 'eastmere-launch-2019',
    label: 'police_in_care',
    passage: 'A specialist police officer will join the community mental health team',
    decisions: confirmBy('reviewer-a', 'reviewer-c'),
  },
  // One confirmation only: a lead awaiting a second reviewer.
  {
    document: 'eastmere-launch-2019',
    label: 'sim_named',
    passage: 'launched a Serenity Integrated Mentoring service',
    decisions: [{ reviewer: 'reviewer-a', decision: 'confirm' }],
  },
  {
    document: 'kestrelford-policy-2024',
    label: 'police_in_care',
    passage: 'Kestrelford Police provide a named officer for each person',
    decisions: confirmBy('reviewer-a', 'reviewer-b'),
  },
  {
    document: 'kestrelford-policy-2024',
    label: 'coercion_sanctions',
    passage: 'given a behaviour contract and may be prosecuted',
    decisions: confirmBy('reviewer-a', 'reviewer-c'),
  },
  {
    document: 'kestrelford-policy-2024',
    label: 'discrimination_hiu',
    passage: 'their demand must be reduced',
    decisions: confirmBy('reviewer-b', 'reviewer-c'),
  },
  // The excerpt names a person and a phone number: exports show them redacted.
  {
    document: 'kestrelford-letter-2024',
    label: 'police_in_care',
    passage: 'a police officer remains part of the community mental health team',
    decisions: confirmBy('reviewer-a', 'reviewer-b'),
  },
  {
    document: 'wrenmoor-board-2020',
    label: 'police_in_care',
    passage: 'The SIM officer and the care coordinator carry out joint visits',
    decisions: confirmBy('reviewer-a', 'reviewer-b'),
  },
  // A case study of another trust's scheme is not evidence against the trust that teaches it.
  {
    document: 'fenmarsh-training-2023',
    label: 'police_in_care',
    passage: 'Case study: the SIM officer and the care coordinator',
    decisions: [
      {
        reviewer: 'reviewer-a',
        decision: 'reject',
        reason: 'A training case study about schemes run by other trusts, not a Fenmarsh practice.',
      },
      {
        reviewer: 'reviewer-b',
        decision: 'reject',
        reason: 'Agree: the slides describe other trusts so that staff can recognise such schemes.',
      },
    ],
  },
  {
    document: 'brackenmoor-protocol-2020',
    label: 'police_in_care',
    passage: 'Police officers attend the monthly high intensity panel',
    decisions: [{ reviewer: 'reviewer-b', decision: 'confirm' }],
  },
  {
    document: 'lowhaven-board-2025',
    label: 'discrimination_hiu',
    passage: 'their demand must be reduced',
    decisions: [{ reviewer: 'reviewer-a', decision: 'confirm' }],
  },
  // Rejected once, so back for discussion: what a pilot costs says nothing of how callers are seen.
  {
    document: 'lowhaven-board-2025',
    label: 'discrimination_hiu',
    passage: 'The pilot costs',
    decisions: [
      {
        reviewer: 'reviewer-c',
        decision: 'reject',
        reason: 'The cost of the pilot, not a view of the people who call; to discuss.',
      },
    ],
  },
];

/** The fictional demonstration register: organisations, a review, returns, assurances, documents and decisions. */
export const demoPlan: DemoPlan = {
  organisations: demoOrganisations,
  links: demoLinks,
  review: demoReview,
  reviewers: [
    { username: 'reviewer-a', displayName: 'Reviewer A' },
    { username: 'reviewer-b', displayName: 'Reviewer B' },
    { username: 'reviewer-c', displayName: 'Reviewer C' },
  ],
  returns: demoReturns,
  assurances: demoAssurances,
  documents: demoDocuments,
  decisions: demoDecisions,
};
