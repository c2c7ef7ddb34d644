/** What one table of the open data holds, for people choosing what to download. */
export interface OpenDataTableDescription {
  title: string;
  description: string;
}

/**
 * Each table that `buildOpenData` publishes, described in plain words. A test checks that every
 * table it builds is described here, so a new table cannot appear on the page unexplained.
 */
export const openDataTableDescriptions: Readonly<Record<string, OpenDataTableDescription>> = {
  organisations: {
    title: 'Organisations',
    description:
      'Every trust, police force, integrated care board and health innovation network in the register: code, name, kind, region, earlier names and where the reference data came from.',
  },
  documents: {
    title: 'Documents',
    description:
      "Each document's details: title, kind, date, organisations, source, how it was obtained, its SHA-256 (to check a copy), pages, and whether it is public. Not the text.",
  },
  evidence: {
    title: 'Evidence',
    description:
      'Findings confirmed by two reviewers, with the organisation, document, page, feature, rule and the excerpt with personal data removed. Findings not yet reviewed, or rejected, are not included.',
  },
  assurances: {
    title: 'Assurances',
    description:
      'Assurances organisations gave: when, by whom, what they claim, the text with personal data removed, and the source.',
  },
  returns: {
    title: 'Returns',
    description:
      'Returns to national reviews: whether the organisation responded, whether it said it used SIM or a SIM-type model, when, and which features it said continue.',
  },
  statuses: {
    title: 'Statuses',
    description:
      "Each organisation's status, derived from the records by the published rules, with the reasons and any contradictions.",
  },
  checkpoints: {
    title: 'Checkpoints',
    description:
      'The signed checkpoints of the tamper-evident record: the size and Merkle root of the record at each point, the time, the signing key and the signature. Keep copies: they let anyone show later that the record was not rewritten.',
  },
};
