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

  it('reads pages by OCR by default, keeping what it read in the data folder', () => {
    expect(loadConfig({ SIMWATCH_DATA_DIR: 'reg' }, '/srv/simwatch').ocr).toEqual({
      enabled: true,
      engine: 'auto',
      pageTimeoutMs: 60_000,
      dpi: 300,
      cacheDir: resolve('/srv/simwatch', 'reg', 'ocr-cache'),
    });
    const off = loadConfig({ SIMWATCH_OCR: 'off', SIMWATCH_OCR_CACHE: 'cache' }, '/srv/simwatch');
    expect(off.ocr).toMatchObject({ enabled: false, cacheDir: resolve('/srv/simwatch', 'cache') });
  });

  it('counts the reverse proxies to trust: none by default, one for 1, true or yes', () => {
    const hops = (value?: string) =>
      loadConfig(value === undefined ? {} : { SIMWATCH_TRUST_PROXY: value }).web.trustProxyHops;
    expect([
      hops(),
      hops('0'),
      hops('no'),
      hops('1'),
      hops('true'),
      hops('YES'),
      hops('2'),
    ]).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(() => hops('all')).toThrow('Cannot use SIMWATCH_TRUST_PROXY "all"');
  });

  it('reads the public address without a trailing slash, defaulting to the host and port', () => {
    expect(loadConfig({}).web.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' }).web.publicUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(loadConfig({ SIMWATCH_PUBLIC_URL: 'https://register.example.org/' }).web.publicUrl).toBe(
      'https://register.example.org',
    );
    expect(loadConfig({ SIMWATCH_PUBLIC_URL: 'https://example.org/simwatch/' }).web.publicUrl).toBe(
      'https://example.org/simwatch',
    );
    for (const bad of ['register.example.org', 'ftp://example.org', 'https://example.org/?a=1'])
      expect(() => loadConfig({ SIMWATCH_PUBLIC_URL: bad }), bad).toThrow(
        `Cannot use SIMWATCH_PUBLIC_URL "${bad}"`,
      );
  });
});
