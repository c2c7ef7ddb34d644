import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBoardPaperWriter } from '../bench/board-paper-writer.js';
import { createSeededRandom } from '../seeded-random.js';
import type { Catalogue } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import { loadCatalogue } from './load-catalogue.js';
import { prepareModel } from './passage-findings.js';
import { loadModelFile } from './model/model-file.js';
import { prepareCatalogue } from './prepare-catalogue.js';
import { screenPages } from './screen-pages.js';

const catalogue = loadCatalogue();
const model = prepareModel(loadModelFile(), catalogue);

/** The same catalogue with word checks switched off: every pattern runs on every sentence. */
function withoutWordChecks(original: Catalogue): Catalogue {
  const whole = (pattern: CompiledPattern): CompiledPattern => ({
    ...pattern,
    requirements: [],
    condition: { requirements: [], choices: [] },
  });
  return {
    ...original,
    indicators: original.indicators.map((indicator) => ({
      ...indicator,
      patterns: indicator.patterns.map(whole),
      unless: indicator.unless.map(whole),
      unlessNearby: indicator.unlessNearby.map(whole),
      needsNearby: indicator.needsNearby.map(whole),
    })),
    critique: original.critique.map((cue) => ({ ...cue, pattern: whole(cue.pattern) })),
    negation: original.negation.map(whole),
  };
}

describe('screenPages()', () => {
  it('finds exactly what running every pattern on every sentence finds', () => {
    const corpus = readFileSync(new URL('../../corpus/simwatch.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const examples = catalogue.indicators.flatMap((indicator) => [
      ...indicator.examples.match,
      ...indicator.examples.noMatch,
    ]);
    // Generated board papers, dense with the words patterns need, and words beside characters
    // that are not a-z: accents, underscores, emoji, capitals.
    const writer = createBoardPaperWriter(createSeededRandom(7));
    const papers = Array.from({ length: 4 }, () =>
      Array.from({ length: 60 }, () => writer.paragraph()).join('\n\n'),
    );
    const awkward = examples.map((example) =>
      example.replace(
        / /g,
        (space, at: number) => [' ', ' _', ' é', ' 🚓 ', '  '][at % 5] ?? space,
      ),
    );
    const pages = [...corpus, ...examples, ...papers, ...awkward].map((text) => ({
      number: null,
      text,
    }));
    const fast = screenPages(pages, prepareCatalogue(catalogue), model, 0);
    const exhaustive = screenPages(pages, prepareCatalogue(withoutWordChecks(catalogue)), model, 0);
    expect(fast.length).toBeGreaterThan(50);
    expect(fast).toEqual(exhaustive);
  });

  it('skips a paragraph without any anchor word', () => {
    const prepared = prepareCatalogue(catalogue);
    expect(
      screenPages([{ number: 3, text: 'The board approved the minutes.' }], prepared, model, 0),
    ).toEqual([]);
  });
});
