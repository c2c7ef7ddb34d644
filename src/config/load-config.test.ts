import { delimiter, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadConfig } from './load-config.js';

describe('loadConfig()', () => {
  it('reads no training corpus and no ordinary documents when they are not set', () => {
    expect(loadConfig({}, '/srv/simwatch').training).toEqual({
      corpusPaths: [],
      ordinaryFolder: null,
    });
  });

  it('reads the training corpus as paths separated by the path delimiter, from the working folder', () => {
    const config = loadConfig(
      {
        SIMWATCH_TRAINING_CORPUS: ['corpus/a.jsonl', ' /data/b.jsonl ', ''].join(delimiter),
        SIMWATCH_ORDINARY_DOCUMENTS: 'ordinary',
      },
      '/srv/simwatch',
    );
    expect(config.training).toEqual({
      corpusPaths: [resolve('/srv/simwatch', 'corpus/a.jsonl'), resolve('/data/b.jsonl')],
      ordinaryFolder: resolve('/srv/simwatch', 'ordinary'),
    });
  });
});
