import { createSeededRandom, type SeededRandom } from '../seeded-random.js';

// A small grammar of policy sentences on one subject, so that unrelated sentences share the drafts'
// vocabulary (as a real letter about the same service would) and only reuse can tell them apart.
const openings = [
  '',
  '',
  '',
  'From April, ',
  'Where possible, ',
  'In every case, ',
  'Unless agreed otherwise, ',
  'Before any decision, ',
  'As a rule, ',
  'During a crisis, ',
];
const subjects = [
  'the trust',
  'each care team',
  'the joint panel',
  'the coalition',
  'the crisis service',
  'every ward manager',
  'the commissioning group',
  'the named key worker',
  'the police liaison officer',
  'the independent reviewer',
  'the board',
  'each general practice',
  'the peer support team',
  'the safeguarding lead',
  'the medical director',
  'the housing officer',
  'the approved mental health professional',
  'the patient advice service',
];
const modals = [
  'will',
  'must',
  'should',
  'may not',
  'shall',
  'will always',
  'must never',
  'is expected to',
  'has agreed to',
  'will be asked to',
];
const verbs = [
  'share',
  'review',
  'publish',
  'record',
  'agree',
  'explain',
  'send',
  'keep',
  'check',
  'discuss',
  'change',
  'approve',
  'report',
  'withdraw',
  'question',
  'collect',
  'audit',
  'summarise',
];
const objects = [
  "a person's care plan",
  'the risk assessment',
  'any restriction on visits',
  'the minutes of each meeting',
  'the reasons for a refusal',
  'information held about the person',
  'the outcome of a complaint',
  'the monthly caseload figures',
  'each decision to involve the police',
  'a summary of the evidence',
  'the terms of the agreement',
  'any change to medication',
  'the draft policy',
  'a written apology',
  'the list of frequent attenders',
  'the crisis plan',
  'letters sent to the family',
  'the number of detentions',
];
const qualifiers = [
  'with the person concerned',
  'within fourteen days',
  'in plain English',
  'before the next panel meeting',
  'without the consent of both parties',
  'with an advocate present',
  'at least once a quarter',
  'in a form the person can read',
  'on the public website',
  "after asking the person's family",
  'as soon as practicable',
  'through the complaints procedure',
  'in line with national guidance',
  'during normal working hours',
  'for every team in the county',
  'at the request of the coalition',
];
const clauses = [
  '',
  '',
  ', so that nobody is left out of decisions',
  ', unless a court has ordered otherwise',
  ', and the reasons will be recorded',
  ', because trust depends on openness',
  ', which the coalition asked for',
  ', even when the service is under pressure',
  ', and people will be told how to appeal',
  ', so that the decision can be challenged',
  ', as the review recommended',
  ', whatever the cost to the service',
];
const replacements = [
  'promptly',
  'carefully',
  'local',
  'written',
  'formal',
  'shared',
  'regional',
  'clinical',
  'weekly',
  'annual',
  'urgent',
  'separate',
  'agreed',
  'independent',
  'full',
  'public',
];

/** A policy sentence drawn from the grammar. */
export function policySentence(random: SeededRandom): string {
  const text = `${random.pick(openings)}${random.pick(subjects)} ${random.pick(modals)} ${random.pick(verbs)} ${random.pick(objects)} ${random.pick(qualifiers)}${random.pick(clauses)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const speakers = [
  'A spokesperson for the trust',
  'The chief executive',
  'A member of the coalition',
  'Local campaigners',
  'The police',
  'Families of people in crisis',
  'The health secretary',
  'A senior nurse',
  'The regional director',
  'Service users',
  'The medical director',
  'An independent reviewer',
];
const saying = [
  'said that',
  'told the meeting that',
  'wrote that',
  'warned that',
  'confirmed that',
  'argued that',
  'accepted that',
];
const topics = [
  'the crisis service',
  'waiting times for assessment',
  'the number of detentions',
  'the new care plan process',
  'funding for peer support',
  'the police role in mental health calls',
  'the complaints procedure',
  'the partnership with the coalition',
  'staff training',
  'the review of frequent attenders',
  'community mental health teams',
  "the county's housing support",
  'the risk assessment form',
  'the public website',
];
const outcomes = [
  'had improved',
  'had become worse',
  'was under review',
  'would be published in full',
  'remained a concern',
  'had not been discussed with patients',
  'was working well',
  'would change next year',
  'needed more money',
  'had been delayed again',
];
const times = [
  'this year',
  'since the spring',
  'over the last decade',
  'after the inspection',
  'despite repeated warnings',
  'according to figures released on Monday',
  'in most areas',
  'for the first time',
];
const afterwords = [
  '',
  '',
  ' and more work was needed',
  ', but no details were given',
  ' and the board would discuss it in March',
  ', a claim the coalition disputes',
  ', and the panel would be told',
];

/**
 * A sentence on the same subject written independently of the drafts (a news report's words): it
 * shares their vocabulary (the trust, the police, care plans, detentions), not their phrasing.
 */
export function independentSentence(random: SeededRandom): string {
  return `${random.pick(speakers)} ${random.pick(saying)} ${random.pick(topics)} ${random.pick(outcomes)} ${random.pick(times)}${random.pick(afterwords)}.`;
}

/** The ways a letter adapts a draft sentence. */
export const alterations = [
  'verbatim',
  'one word changed',
  'three words changed',
  'cut',
  'reordered',
  'merged with the next',
] as const;
export type Alteration = (typeof alterations)[number];

const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const bare = (sentence: string): string => sentence.replace(/\.$/, '');

function changeWords(sentence: string, count: number, random: SeededRandom): string {
  const words = bare(sentence).split(' ');
  for (let changed = 0; changed < count; changed += 1) {
    const at = random.between(1, words.length - 1);
    words[at] = random.pick(replacements);
  }
  return `${words.join(' ')}.`;
}

/** The sentence altered as a letter might: words changed, cut, reordered, or merged with the next. */
export function alter(
  sentence: string,
  next: string,
  kind: Alteration,
  random: SeededRandom,
): string {
  const words = bare(sentence).split(' ');
  switch (kind) {
    case 'verbatim':
      return sentence;
    case 'one word changed':
      return changeWords(sentence, 1, random);
    case 'three words changed':
      return changeWords(sentence, 3, random);
    case 'cut': {
      // Keep about two thirds: drop a run of words from the middle or the end.
      const drop = Math.max(2, Math.round(words.length / 3));
      const from = random.between(2, words.length - drop);
      return `${sentenceCase([...words.slice(0, from), ...words.slice(from + drop)].join(' '))}.`;
    }
    case 'reordered': {
      // Move the last few words to the front, as "Within fourteen days, the trust will ...".
      const moved = random.between(3, 5);
      const tail = words.slice(-moved).join(' ').replace(/^,\s*/, '');
      const head = words.slice(0, -moved).join(' ').replace(/,$/, '');
      return `${sentenceCase(tail)}, ${head.charAt(0).toLowerCase()}${head.slice(1)}.`;
    }
    case 'merged with the next':
      return `${bare(sentence)}, and ${next.charAt(0).toLowerCase()}${next.slice(1)}`;
  }
}

/** Joint documents in versions: each version edits, adds and drops sentences of the one before. */
export function draftVersions(
  seed: number,
  documents: number,
  versions: number,
  sentences: number,
) {
  const random = createSeededRandom(seed);
  const result: { documentId: number; versionNumber: number; sentences: string[] }[] = [];
  for (let documentId = 1; documentId <= documents; documentId += 1) {
    let current = Array.from({ length: sentences }, () => policySentence(random));
    for (let versionNumber = 1; versionNumber <= versions; versionNumber += 1) {
      if (versionNumber > 1)
        current = current
          .filter(() => random.next() > 0.05)
          .map((sentence) => (random.next() < 0.15 ? changeWords(sentence, 1, random) : sentence))
          .concat(Array.from({ length: 4 }, () => policySentence(random)));
      result.push({ documentId, versionNumber, sentences: current });
    }
  }
  return result;
}
