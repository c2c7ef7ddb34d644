import type { Catalogue } from '../catalogue.js';
import { prepareCatalogue } from '../prepare-catalogue.js';
import { readTextAsPassage } from '../read-text-passage.js';
import type { LabelledExample } from './labelled-example.js';
import type { ReadExample } from './train-model.js';

/** Reads every example as screening reads a passage (see `readTextAsPassage`). */
export function readExamples(
  examples: readonly LabelledExample[],
  catalogue: Catalogue,
): ReadExample[] {
  const prepared = prepareCatalogue(catalogue);
  return examples.map((example) => ({
    example,
    reading: readTextAsPassage(example.text, prepared),
  }));
}
