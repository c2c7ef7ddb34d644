import { describe, expect, it } from 'vitest';

import { deriveStatus } from '../../register/status/derive-status.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from '../../register/status/test-support/organisation-facts.js';
import { buildTimeline, reasonSourceLink, type TimelineDetails } from './organisation-timeline.js';

const noDetails: TimelineDetails = { reasons: new Map(), assuranceSources: new Map() };

describe('buildTimeline()', () => {
  it('puts the newest first and undated entries last', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ id: 7, respondedOn: '2021-07-15' })],
      assurances: [assurance('ended', '2022-01-10', { id: 3 })],
      evidence: [
        evidence('police_in_care', null, { findingId: 11 }),
        evidence('police_in_care', '2019-05-01', { findingId: 12 }),
      ],
    });
    expect(buildTimeline(facts, [], noDetails).map((entry) => entry.anchor)).toEqual([
      'assurance-3',
      'return-7',
      'finding-12',
      'finding-11',
    ]);
  });

  it('shows a contradiction before the evidence of the same day', () => {
    const facts = organisationFacts({
      assurances: [assurance('never_used', '2020-01-01', { id: 2 })],
      evidence: [evidence('sim_named', '2023-03-01', { findingId: 9, documentId: 4 })],
    });
    const timeline = buildTimeline(facts, deriveStatus(facts).contradictionGroups, noDetails);
    expect(timeline.map((entry) => entry.anchor)).toEqual([
      'contradiction-2-4',
      'finding-9',
      'assurance-2',
    ]);
    expect(timeline[0]?.links).toEqual([
      { text: 'The assurance', href: '#assurance-2' },
      { text: 'The evidence', href: '#finding-9' },
    ]);
  });

  it('shows one contradiction per assurance and document, naming each feature', () => {
    const facts = organisationFacts({
      assurances: [assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' })],
      evidence: [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('coercion_sanctions', '2023-09-28', { findingId: 10, documentId: 4 }),
      ],
    });
    const timeline = buildTimeline(facts, deriveStatus(facts).contradictionGroups, noDetails);
    const contradictions = timeline.filter((entry) => entry.kind === 'contradiction');
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]?.lines).toEqual([
      'Confirmed evidence of police in care planning and of coercion and sanctions in "Crisis pathway policy" (dated 2023-09-28) is dated after the assurance of 2021-06-01 that the scheme had ended on 2021-03-31.',
      'Features: police in care planning; coercion and sanctions.',
    ]);
    expect(contradictions[0]?.links.map((link) => link.href)).toEqual([
      '#assurance-2',
      '#finding-9',
      '#finding-10',
    ]);
  });

  it('quotes evidence redacted, with its reason and a link to its page', () => {
    const facts = organisationFacts({
      evidence: [
        evidence('police_in_care', '2024-06-10', {
          findingId: 5,
          documentId: 8,
          page: 2,
          documentTitle: 'Letter',
          excerpt: 'Mr John Example (01632 960 123) attends every care planning meeting.',
        }),
      ],
    });
    const details = { ...noDetails, reasons: new Map([[5, 'Police sit on a care panel.']]) };
    const [entry] = buildTimeline(facts, [], details);
    expect(entry).toMatchObject({
      heading: 'Confirmed evidence of police in care planning',
      lines: ['In "Letter", page 2.', 'Why it counts: Police sit on a care panel.'],
      quote: 'Mr [name removed] ([phone number removed]) attends every care planning meeting.',
      quoteNote: '2 personal details have been removed from this quote.',
      links: [{ text: 'Read it in the document', href: '/documents/8#page-2' }],
    });
  });

  it.each([
    [
      'a return that was not sent',
      reviewReturn({ responded: false, respondedOn: null, reviewClosesOn: '2021-07-31' }),
      ['Did not respond. The review closed on 31 July 2021.'],
    ],
    [
      'a return saying the model was used and features continue',
      reviewReturn({
        usedModel: true,
        usedFrom: '2019-02-01',
        continuingFeatures: ['police_in_care', 'sim_named'],
      }),
      [
        'Responded on 15 July 2021.',
        'Said it used SIM or a SIM-type model from 1 February 2019.',
        'Said these features continue: police in care planning; SIM by name.',
      ],
    ],
    [
      'a return that did not say',
      reviewReturn(),
      ['Responded on 15 July 2021.', 'Did not say whether it used SIM or a SIM-type model.'],
    ],
  ])('describes %s', (_name, ret, lines) => {
    const [entry] = buildTimeline(organisationFacts({ returns: [ret] }), [], noDetails);
    expect(entry?.lines).toEqual(lines);
  });

  it.each([
    [
      'its document',
      { sourceDocumentId: 4 },
      { documentTitle: 'Statement', source: null },
      [{ text: 'Source: "Statement"', href: '/documents/4' }],
      [],
    ],
    [
      'a web address',
      {},
      { documentTitle: null, source: 'https://example.org/statement' },
      [{ text: 'Source (opens the original website)', href: 'https://example.org/statement' }],
      [],
    ],
    [
      'a reference that is not a web address, as text',
      {},
      { documentTitle: null, source: 'javascript:alert(1)' },
      [],
      ['Source: javascript:alert(1)'],
    ],
  ])('cites an assurance’s source: %s', (_name, fields, source, links, extraLines) => {
    const facts = organisationFacts({
      assurances: [assurance('ended', '2022-01-10', { id: 1, scopeDate: '2021-03-31', ...fields })],
    });
    const details = { ...noDetails, assuranceSources: new Map([[1, source]]) };
    const [entry] = buildTimeline(facts, [], details);
    expect(entry?.lines).toEqual(['Said the scheme had ended on 31 March 2021.', ...extraLines]);
    expect(entry?.links).toEqual(links);
  });
});

describe('reasonSourceLink()', () => {
  const facts = organisationFacts({
    returns: [reviewReturn({ id: 7 })],
    assurances: [assurance('never_used', '2022-01-10', { id: 3 })],
    evidence: [evidence('sim_named', '2023-01-01', { findingId: 9, documentId: 4, page: null })],
  });

  it.each([
    [
      { kind: 'return', id: 7 },
      { text: 'Return to 2021 review', href: '#return-7' },
    ],
    [
      { kind: 'assurance', id: 3 },
      { text: 'Assurance of 10 January 2022', href: '#assurance-3' },
    ],
    [
      { kind: 'evidence', id: 9 },
      { text: '"Crisis pathway policy"', href: '/documents/4#page-1' },
    ],
    [{ kind: 'evidence', id: 99 }, null],
  ] as const)('links a reason resting on %j', (source, link) => {
    expect(reasonSourceLink({ text: 'A reason.', source }, facts)).toEqual(link);
  });

  it('gives no link for a reason without a source', () => {
    expect(reasonSourceLink({ text: 'Nothing known.', source: null }, facts)).toBeNull();
  });
});
