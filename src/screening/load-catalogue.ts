import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SimwatchError } from '../errors.js';
import type { Catalogue, ContextCue, Indicator } from './catalogue.js';
import { compilePattern, type CompiledPattern, type Vocabulary } from './compile-pattern.js';
import { isEvidenceLabel, isLabel } from './finding.js';
import type { CandidateRule, Frame, TermWord } from './frames.js';
import { isNumber, tokenize } from './model/tokenize.js';

/** The catalogue shipped with simwatch. */
export const defaultCataloguePath = new URL('../../catalogue/indicators.yaml', import.meta.url);

/** Reads, validates and compiles an indicator catalogue from a YAML file. */
export function loadCatalogue(path: string | URL = defaultCataloguePath): Catalogue {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimwatchError(
      'invalid_catalogue',
      `Cannot read the catalogue "${String(path)}": ${String(error)}`,
    );
  }
  return parseCatalogue(text);
}

/** Validates and compiles a catalogue from its YAML text. */
export function parseCatalogue(text: string): Catalogue {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw invalid(`the YAML does not parse: ${String(error)}`);
  }
  const root = asRecord(raw, 'the catalogue');
  const version = asString(root.version, 'version');
  const vocabulary = readVocabulary(root.vocabulary);
  const context = asRecord(root.context, 'context');
  const critique = asArray(context.critique, 'context.critique').map((entry, index) =>
    readCue(entry, `context.critique[${index}]`, vocabulary),
  );
  const negation = asStrings(context.negation, 'context.negation').map((source) =>
    compilePattern(source, vocabulary),
  );
  const indicators = asArray(root.indicators, 'indicators').map((entry, index) =>
    readIndicator(entry, `indicators[${index}]`, vocabulary),
  );
  const seen = new Set<string>();
  for (const indicator of indicators) {
    if (seen.has(indicator.id)) throw invalid(`the indicator id "${indicator.id}" is used twice`);
    seen.add(indicator.id);
  }
  const frames = Object.entries(asRecord(root.frames ?? {}, 'frames')).map(([name, entry]) =>
    readFrame(name, entry),
  );
  const candidates = readCandidates(root.candidates ?? {}, frames);
  return { version, indicators, critique, negation, frames, candidates };
}

function readVocabulary(value: unknown): Vocabulary {
  const record = asRecord(value, 'vocabulary');
  const vocabulary = new Map<string, string[]>();
  for (const [name, phrases] of Object.entries(record)) {
    vocabulary.set(name, asStrings(phrases, `vocabulary.${name}`));
  }
  return vocabulary;
}

function readCue(value: unknown, where: string, vocabulary: Vocabulary): ContextCue {
  const record = asRecord(value, where);
  const weight = asNumber(record.weight, `${where}.weight`);
  return {
    pattern: compilePattern(asString(record.pattern, `${where}.pattern`), vocabulary),
    weight,
    note: asString(record.note, `${where}.note`),
    featuresOnly: asBoolean(record.features_only, `${where}.features_only`, false),
    sentenceOnly: asBoolean(record.sentence_only, `${where}.sentence_only`, false),
  };
}

function readIndicator(value: unknown, where: string, vocabulary: Vocabulary): Indicator {
  const record = asRecord(value, where);
  const id = asString(record.id, `${where}.id`);
  const label = asString(record.label, `${id}.label`);
  if (!isLabel(label)) throw invalid(`indicator "${id}" has an unknown label "${label}"`);
  const strength = asNumber(record.strength, `${id}.strength`);
  const compileAll = (field: unknown, name: string): CompiledPattern[] =>
    field === undefined
      ? []
      : asStrings(field, `${id}.${name}`).map((source) => compilePattern(source, vocabulary));
  const patterns = asStrings(record.patterns ?? [], `${id}.patterns`).flatMap((source) =>
    compileExpanded(source, vocabulary),
  );
  if (patterns.length === 0) throw invalid(`indicator "${id}" has no patterns`);
  const examples = asRecord(record.examples, `${id}.examples`);
  const match = asStrings(examples.match, `${id}.examples.match`);
  const noMatch = asStrings(examples.no_match, `${id}.examples.no_match`);
  if (match.length === 0 || noMatch.length === 0) {
    throw invalid(
      `indicator "${id}" needs at least one example that matches and one that does not`,
    );
  }
  return {
    id,
    label,
    reason: asString(record.reason, `${id}.reason`),
    strength,
    patterns,
    unless: compileAll(record.unless, 'unless'),
    unlessNearby: compileAll(record.unless_nearby, 'unless_nearby'),
    needsNearby: compileAll(record.needs_nearby, 'needs_nearby'),
    negatable: asBoolean(record.negatable, `${id}.negatable`, true),
    examples: { match, noMatch },
  };
}

function readFrame(name: string, value: unknown): Frame {
  const where = `frames.${name}`;
  const record = asRecord(value, where);
  const terms = asStrings(record.terms, `${where}.terms`).map((term, index) => {
    const words = parseTerm(term);
    if (words.length === 0) throw invalid(`${where}.terms[${index}] has no words: "${term}"`);
    return { source: term, words };
  });
  return { name, means: asString(record.means, `${where}.means`), terms };
}

function readCandidates(value: unknown, frames: readonly Frame[]): CandidateRule[] {
  const numberOf = (name: string, where: string) => {
    const number = frames.findIndex((frame) => frame.name === name);
    if (number < 0) throw invalid(`${where} names the frame "${name}", which is not in frames`);
    return number;
  };
  return Object.entries(asRecord(value, 'candidates')).flatMap(([label, rules]) => {
    if (!isEvidenceLabel(label))
      throw invalid(`candidates.${label}: "${label}" is not one of the four evidence labels`);
    return asArray(rules, `candidates.${label}`).map((rule, index) => {
      const where = `candidates.${label}[${index}]`;
      const record = asRecord(rule, where);
      const list = (field: unknown, name: string) =>
        asStrings(field ?? [], `${where}.${name}`).map((frame) =>
          numberOf(frame, `${where}.${name}`),
        );
      const ruleFrames = list(record.frames, 'frames');
      if (ruleFrames.length === 0) throw invalid(`${where}.frames must name at least one frame`);
      return { label, frames: ruleFrames, with: list(record.with, 'with') };
    });
  });
}

/**
 * The words of a frame term, read as passages are read: capitals (SIM, A&E) must match exactly,
 * `#` is any number, and every other word is compared by its stem.
 */
export function parseTerm(term: string): TermWord[] {
  return tokenize(term.replace(/#/g, '0')).map((token): TermWord => {
    if (token.text === '0' && term.includes('#')) return { anyNumber: true };
    if (isNumber(token.text)) return { stem: token.stem };
    const capitals = token.text === 'I' || /^[A-Z][A-Z0-9&]+$/.test(token.text);
    return capitals ? { exact: token.text } : { stem: token.stem };
  });
}

/**
 * A pattern that is just one vocabulary list becomes one pattern per phrase: each then has its
 * own anchor and required words, so a sentence is tried only against phrases it could contain.
 */
function compileExpanded(source: string, vocabulary: Vocabulary): CompiledPattern[] {
  const list = /^\{([\w-]+)\}$/.exec(source.trim())?.[1];
  const phrases = list === undefined ? undefined : vocabulary.get(list);
  if (!phrases) return [compilePattern(source, vocabulary)];
  return phrases.flatMap((phrase) => compileExpanded(phrase, vocabulary));
}

function invalid(detail: string): SimwatchError {
  return new SimwatchError('invalid_catalogue', `Cannot load the indicator catalogue: ${detail}`);
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${where} must be a mapping`);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${where} must be a list`);
  return value;
}

function asStrings(value: unknown, where: string): string[] {
  return asArray(value, where).map((item, index) => asString(item, `${where}[${index}]`));
}

function asString(value: unknown, where: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(`${where} must be non-empty text`);
  return value;
}

function asBoolean(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(`${where} must be true or false`);
  return value;
}

function asNumber(value: unknown, where: string): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1))
    throw invalid(`${where} must be a number above 0 and at most 1`);
  return value;
}
