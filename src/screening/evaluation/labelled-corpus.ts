import { readFileSync } from 'node:fs';
import { SimwatchError } from '../../errors.js';
import { isLabel, type Label } from '../finding.js';

/** How a passage relates to the practice it mentions (see the labelling guide). */
export type Stance = 'practice' | 'critique' | 'assurance' | 'neutral';

const stances: readonly string[] = ['practice', 'critique', 'assurance', 'neutral'];

/** One hand-labelled passage of an evaluation corpus. */
export interface LabelledPassage {
  id: string;
  text: string;
  labels: Label[];
  stance: Stance;
  uncertain: boolean;
}

/** Reads a JSON Lines corpus, checking every line, and names the first bad line. */
export function readLabelledCorpus(path: string): LabelledPassage[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimwatchError('invalid_corpus', `Cannot read the corpus "${path}": ${String(error)}`);
  }
  return parseLabelledCorpus(text, path);
}

/** Parses JSON Lines text into passages; `source` names the corpus in error messages. */
export function parseLabelledCorpus(text: string, source: string): LabelledPassage[] {
  const passages: LabelledPassage[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `"${source}" line ${index + 1}`;
    const passage = parsePassage(line, where);
    if (ids.has(passage.id)) throw invalid(where, `the id "${passage.id}" is used twice`);
    ids.add(passage.id);
    passages.push(passage);
  });
  return passages;
}

function parsePassage(line: string, where: string): LabelledPassage {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw invalid(where, 'it is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw invalid(where, 'it is not a JSON object');
  const record = raw as Record<string, unknown>;
  const { id, text, labels, stance } = record;
  if (typeof id !== 'string' || id === '') throw invalid(where, '"id" must be non-empty text');
  if (typeof text !== 'string' || text.trim() === '')
    throw invalid(where, '"text" must be non-empty text');
  if (!Array.isArray(labels)) throw invalid(where, '"labels" must be a list');
  const checked = labels.map((label: unknown) => {
    if (typeof label !== 'string' || !isLabel(label))
      throw invalid(where, `unknown label ${JSON.stringify(label)}`);
    return label;
  });
  if (typeof stance !== 'string' || !stances.includes(stance)) {
    throw invalid(where, `"stance" must be one of ${stances.join(', ')}`);
  }
  return {
    id,
    text,
    labels: checked,
    stance: stance as Stance,
    uncertain: record.uncertain === true,
  };
}

function invalid(where: string, detail: string): SimwatchError {
  return new SimwatchError('invalid_corpus', `Cannot read the corpus at ${where}: ${detail}`);
}
