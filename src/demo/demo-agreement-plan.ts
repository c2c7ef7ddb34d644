// The demonstration co-production agreement as plain data. Both parties, every member and every
// word here are fictional; the story walks through the four failures of issue 15.

/** A party of the demonstration agreement and its two members (workspace accounts). */
export interface DemoParty {
  key: 'nhs' | 'coalition';
  name: string;
  /** File name (in the demo folder) of the party's private key: fictional, for trying signing. */
  keyFile: string;
  members: { username: string; displayName: string; mayAct: boolean }[];
}

/** The two fictional parties. */
export const demoParties: readonly DemoParty[] = [
  {
    key: 'nhs',
    name: 'NHS Westmoor Policy Directorate (fictional)',
    keyFile: 'DEMO-ONLY-nhs-westmoor-private-key.pem',
    members: [
      { username: 'nhs-amira', displayName: 'Amira Okafor (fictional)', mayAct: true },
      { username: 'nhs-ben', displayName: 'Ben Hartley (fictional)', mayAct: false },
    ],
  },
  {
    key: 'coalition',
    name: 'Coalition for Safe Care (fictional)',
    keyFile: 'DEMO-ONLY-coalition-for-safe-care-private-key.pem',
    members: [
      { username: 'coalition-cara', displayName: 'Cara Lindqvist (fictional)', mayAct: true },
      { username: 'coalition-dev', displayName: 'Dev Raman (fictional)', mayAct: false },
    ],
  },
];

/** The agreement as it is set up. */
export const demoAgreement = {
  title: 'Joint policy on SIM-type practices (demonstration, fictional)',
  purpose:
    'To co-produce, as equal partners, a policy on the use of police officers in mental health care under Serenity Integrated Mentoring-type arrangements.',
  principles: [
    'Confidentiality: drafts stay between the parties until both agree to publish.',
    'Equal partnership: both parties are told of every meeting and decision, and have the same powers.',
    'No publication by either party without the consent of the other.',
  ],
  termsText: `# Terms of the joint policy agreement (fictional)

1. Drafts are confidential to the members of both parties.
2. Each party is told of every meeting and decision in advance, with its agenda.
3. Nothing is published, and no public statement is made about the work, without the signed consent of both parties to the exact text.
4. The final version is published on the date both parties consent to.
5. If the agreement is dissolved, drafts are kept confidential.
`,
} as const;

const opening = `# Policy on SIM-type practices (fictional demonstration)

## Purpose

This policy sets out how mental health services work with the police when a person in crisis is in contact with both.`;

const principlesPassage = `## Principles

People who use services are not to be punished for being unwell. No care plan may make access to health care conditional on avoiding contact with services, and no person may be threatened with prosecution for asking for help. While a person is in crisis, their wellbeing comes first, and decision-making about their care stays with clinicians, the person, and the people they choose.

Services will cooperate with people who use them, for example by agreeing crisis plans together, and will use their judgement among the options the person prefers. Despite pressure on services, all of the people affected are to be heard.`;

const policingPassage = `## Police involvement

Police officers may not be embedded in care teams, attend care planning meetings about individuals, or hold information about a person's mental health care beyond what an emergency requires.`;

const safeguardsPassage = `## Safeguards

Every trust must record each use of police involvement in a person's care, review it with the person, their family, and an independent advocate within four weeks, and publish the numbers each quarter. While the review is open, the trust will coordinate with the advocate, for instance by sharing records the person agrees to share, and will not move the person towards discharge.

Three people who use services sit on each trust's review panel, and two of them must agree before a plan that involves the police is renewed.`;

const redressPassage = `## Redress

People harmed by these practices are to be offered an apology, a review of their records with inaccurate entries corrected, and support to complain.`;

/** The joint policy's versions, in order, each with the party that wrote it and a note. */
export const demoPolicyVersions: readonly {
  by: DemoParty['key'];
  note: string;
  content: string;
}[] = [
  {
    by: 'nhs',
    note: 'First draft from the directorate.',
    content: `${opening}\n\n${policingPassage}\n`,
  },
  {
    by: 'coalition',
    note: "Adds the coalition's principles and safeguards.",
    content: `${opening}\n\n${principlesPassage}\n\n${policingPassage}\n\n${safeguardsPassage}\n`,
  },
  {
    by: 'coalition',
    note: 'Adds redress, as agreed at the joint meeting.',
    content: `${opening}\n\n${principlesPassage}\n\n${policingPassage}\n\n${safeguardsPassage}\n\n${redressPassage}\n`,
  },
  {
    by: 'nhs',
    note: 'A shorter version: safeguards and redress removed.',
    content: `${opening}\n\n${policingPassage.replace('may not be embedded', 'should not normally be embedded')}\n`,
  },
  {
    by: 'coalition',
    note: 'The final version both parties agreed: version 3 with a publication date.',
    content: `${opening}\n\n${principlesPassage}\n\n${policingPassage}\n\n${safeguardsPassage}\n\n${redressPassage}\n\n## Publication\n\nThis policy takes effect on publication.\n`,
  },
];

/** The comment a coalition member leaves on a passage of version 1. */
export const demoComment = {
  exact: 'beyond what an emergency requires',
  body: 'Who decides what an emergency requires? We would like this defined with people who have been detained.',
};

/** Who downloads a marked copy of version 2, and whose copy leaks (story a). */
export const demoDownloads = ['nhs-amira', 'nhs-ben', 'coalition-cara', 'coalition-dev'] as const;
export const demoLeaker = 'nhs-ben';

/** The public statement the directorate wanted after a decision the coalition was not told of (story b). */
export const demoShutOutStatement =
  'The parties have been unable to agree a joint policy on SIM-type practices.';

/** The altered letter one party sent outside simwatch, reusing draft passages (story c). */
export const demoAlteredLetter = `Westmoor (fictional), 14 September

Dear colleagues,

Following our work with people who use services, we can confirm our position.

Police officers should not normally be embedded in care teams, attend care planning meetings about individuals, or hold information about a person's mental health care beyond what an emergency requires.

No care plan may make access to health care conditional on avoiding contact with services.

Yours sincerely,
Policy Directorate (fictional)
`;

/** The coalition's own words when the agreed final version was not published (story d). */
export const demoAgreedStatementText =
  'Both parties consented to publish version 5 of the joint policy on the agreed date. It was agreed; it was not published. The signatures below prove it.';
