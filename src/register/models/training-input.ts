import { basename } from 'node:path';

import type { Catalogue } from '../../screening/catalogue.js';
import {
  exampleOfPassage,
  readLabelledCorpus,
} from '../../screening/evaluation/labelled-corpus.js';
import { readOrdinaryDocuments } from '../../screening/evaluation/read-ordinary-documents.js';
import { readExamples } from '../../screening/model/read-examples.js';
import type { TrainAndEvaluateOptions } from '../../screening/model/train-and-evaluate.js';
import type { ReadExample } from '../../screening/model/train-model.js';
import { defaultThreshold } from '../../screening/score-finding.js';

/** Where training reads from: labelled corpus files, and ordinary documents if any. */
export interface TrainingSources {
  corpusPaths: readonly string[];
  /** A folder of text documents describing no such practice: findings on them are false leads. */
  ordinaryFolder?: string | undefined;
}

/** The corpus read as screening reads passages, with what training and evaluation need besides. */
export interface TrainingInput {
  corpus: ReadExample[];
  /** Options for `trainAndEvaluate` (and `evaluateTraining`), save the time the model is made. */
  options: (createdAt: string, progress?: (step: string) => void) => TrainAndEvaluateOptions;
}

/**
 * Reads the labelled corpus files and the ordinary documents for training with a catalogue. The
 * same reading serves a model written to a file and a model trained for a register.
 */
export function readTrainingInput(sources: TrainingSources, catalogue: Catalogue): TrainingInput {
  const examples = sources.corpusPaths.flatMap((path) =>
    readLabelledCorpus(path).map((passage) => exampleOfPassage(passage, path)),
  );
  const ordinaryDocuments =
    sources.ordinaryFolder === undefined ? [] : readOrdinaryDocuments(sources.ordinaryFolder);
  const corpora = sources.corpusPaths.map((path) => basename(path));
  return {
    corpus: readExamples(examples, catalogue),
    options: (createdAt, progress) => ({
      catalogue,
      threshold: defaultThreshold,
      train: { catalogueVersion: catalogue.version, createdAt, corpora },
      ...(ordinaryDocuments.length > 0 ? { ordinaryDocuments } : {}),
      ...(progress ? { progress } : {}),
    }),
  };
}
