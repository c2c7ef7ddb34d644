import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SimwatchError } from '../../errors.js';
import { evidenceLabels, isLabel, stances, type Label, type Stance } from '../finding.js';
import type { LabelledExample } from '../model/labelled-example.js';

/** One hand-labelled passage of a corpus. */
export interface LabelledPassage {
  id: string;
  text: string;
  labels: Label[];
  stance: Stance;
  uncertain: boolean;
  /** The page the passage was taken from, when the corpus says. */
  sourceUrl: string | null;
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

/**
 * A corpus passage as a training example: every evidence label is known, and passages from one
 * source page form one group (a passage without a source is a group of its own).
 */
export function exampleOfPassage(passage: LabelledPassage, corpus: string): LabelledExample {
  return {
    id: passage.id,
    text: passage.text,
    group: passage.sourceUrl ?? `${basename(corpus)}#${passage.id}`,
    labels: Object.fromEntries(evidenceLabels.map((l) => [l, passage.labels.includes(l)])),
    stance: passage.stance,
    uncertain: passage.uncertain,
    origin: 'corpus',
    source: passage.sourceUrl,
  };
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
  if (typeof stance !== 'string' || !(stances as readonly string[]).includes(stance)) {
    throw invalid(where, `"stance" must be one of ${stances.join(', ')}`);
  }
  const sourceUrl = record.source_url;
  if (sourceUrl !== undefined && sourceUrl !== null && typeof sourceUrl !== 'string')
    throw invalid(where, '"source_url" must be text');
  return {
    id,
    text,
    labels: checked,
    stance: stance as Stance,
    uncertain: record.uncertain === true,
    sourceUrl: typeof sourceUrl === 'string' && sourceUrl !== '' ? sourceUrl : null,
  };
}

function invalid(where: string, detail: string): SimwatchError {
  return new SimwatchError('invalid_corpus', `Cannot read the corpus at ${where}: ${detail}`);
}
