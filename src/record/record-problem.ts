/** What is wrong with a record, in a sentence, and the event where it first goes wrong if known. */
export interface RecordProblem {
  problem: string;
  seq?: number;
}
