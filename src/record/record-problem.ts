/** What is wrong with a record, in a sentence, and the event where it first goes wrong if known. */
export interface RecordProblem {
  problem: string;
  seq?: number;
  /** Set when the only thing wrong is that no signed checkpoint covers the events from `seq` on. */
  uncovered?: true;
}
