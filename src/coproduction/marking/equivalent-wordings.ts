/**
 * Pairs of wordings that mean exactly the same in British English, so that a marked copy may use
 * either without changing what it says. Each form is a sequence of lower-case tokens.
 */
export interface EquivalentWording {
  /** A short name, used as the canonical token when tracing. */
  readonly name: string;
  /** The two interchangeable forms, as lower-case tokens. */
  readonly forms: readonly [readonly string[], readonly string[]];
}

const numberWords = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The equivalent wordings a marked copy chooses between (see `findVariationPoints` for where). */
export const equivalentWordings: readonly EquivalentWording[] = [
  {
    name: 'for-example',
    forms: [
      ['for', 'example'],
      ['for', 'instance'],
    ],
  },
  { name: 'while', forms: [['while'], ['whilst']] },
  { name: 'among', forms: [['among'], ['amongst']] },
  { name: 'amid', forms: [['amid'], ['amidst']] },
  { name: 'towards', forms: [['towards'], ['toward']] },
  { name: 'afterwards', forms: [['afterwards'], ['afterward']] },
  { name: 'per-cent', forms: [['per', 'cent'], ['%']] },
  { name: 'dash', forms: [['—'], ['–']] },
  { name: 'health-care', forms: [['health', 'care'], ['healthcare']] },
  { name: 'wellbeing', forms: [['wellbeing'], ['well-being']] },
  { name: 'decision-making', forms: [['decision-making'], ['decision', 'making']] },
  { name: 'cooperate', forms: [['cooperate'], ['co-operate']] },
  { name: 'cooperation', forms: [['cooperation'], ['co-operation']] },
  { name: 'coordinate', forms: [['coordinate'], ['co-ordinate']] },
  { name: 'coordination', forms: [['coordination'], ['co-ordination']] },
  { name: 'email', forms: [['email'], ['e-mail']] },
  { name: 'judgement', forms: [['judgement'], ['judgment']] },
  { name: 'acknowledgement', forms: [['acknowledgement'], ['acknowledgment']] },
  { name: 'focused', forms: [['focused'], ['focussed']] },
  { name: 'despite', forms: [['despite'], ['in', 'spite', 'of']] },
  {
    name: 'all-of-the',
    forms: [
      ['all', 'of', 'the'],
      ['all', 'the'],
    ],
  },
  { name: 'trauma-informed', forms: [['trauma-informed'], ['trauma', 'informed']] },
  { name: 'long-term', forms: [['long-term'], ['long', 'term']] },
  { name: 'short-term', forms: [['short-term'], ['short', 'term']] },
  { name: 'self-assessment', forms: [['self-assessment'], ['self', 'assessment']] },
  { name: 'co-production', forms: [['co-production'], ['coproduction']] },
  { name: 'whether-or-not', forms: [['whether'], ['whether', 'or', 'not']] },
  { name: 'serial-and', forms: [[',', 'and'], ['and']] },
  { name: 'serial-or', forms: [[',', 'or'], ['or']] },
  ...numberWords.map((word, index): EquivalentWording => ({
    name: `number-${index + 2}`,
    forms: [[word], [String(index + 2)]],
  })),
];
