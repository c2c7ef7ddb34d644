import { describe, expect, it } from 'vitest';

import { SimwatchError } from '../errors.js';
import { defaultExtractionLimits } from '../extract/extraction-limits.js';
import { defaultOcrSettings } from '../ocr/ocr-settings.js';
import { parseScreenOptions } from './parse-screen-options.js';

const parse = (...args: string[]) => parseScreenOptions(args, { jobs: 4 });

describe('parseScreenOptions()', () => {
  it('fills in the defaults', () => {
    expect(parse('papers')).toEqual({
      help: false,
      inputs: ['papers'],
      format: 'text',
      threshold: undefined,
      failOn: [],
      jobs: 4,
      timeoutMs: 120_000,
      limits: defaultExtractionLimits,
      color: true,
      progress: true,
      ocr: defaultOcrSettings,
    });
  });

  it('turns OCR off with --no-ocr and sets the per-page OCR time limit with --ocr-timeout', () => {
    const fromEnvironment = { ...defaultOcrSettings, cacheDir: '/c' };
    const options = parseScreenOptions(['a.pdf', '--no-ocr', '--ocr-timeout', '7.5'], {
      jobs: 1,
      ocr: fromEnvironment,
    });
    expect(options.ocr).toEqual({ ...fromEnvironment, enabled: false, pageTimeoutMs: 7_500 });
    const off = { ...defaultOcrSettings, enabled: false };
    expect(parseScreenOptions(['a.pdf'], { jobs: 1, ocr: off }).ocr.enabled).toBe(false);
    expect(() => parse('a.pdf', '--ocr-timeout', '0')).toThrow(
      'Cannot screen: --ocr-timeout must be a number of seconds above 0 (at most a day), not "0"',
    );
  });

  it('reads every option', () => {
    const options = parse(
      '-',
      'a.pdf',
      '--format=csv',
      '--threshold',
      '0.7',
      '--fail-on',
      'sim_named,police_in_care',
      '--fail-on=assurance',
      '--jobs',
      '2',
      '--max-file-size',
      '5MB',
      '--timeout',
      '2.5',
      '--no-color',
      '--no-progress',
    );
    expect(options).toMatchObject({
      inputs: ['-', 'a.pdf'],
      format: 'csv',
      threshold: 0.7,
      failOn: ['sim_named', 'police_in_care', 'assurance'],
      jobs: 2,
      timeoutMs: 2_500,
      limits: { ...defaultExtractionLimits, maxFileBytes: 5 * 1024 * 1024 },
      color: false,
      progress: false,
    });
  });

  it('accepts --help without inputs', () => {
    expect(parse('--help').help).toBe(true);
  });

  it.each([
    [[], 'Cannot screen: no files or folders given'],
    [
      ['a', '--threshold', 'abc'],
      'Cannot screen: --threshold must be a number from 0 to 1, not "abc"',
    ],
    [
      ['a', '--threshold', '1.5'],
      'Cannot screen: --threshold must be a number from 0 to 1, not "1.5"',
    ],
    [
      ['a', '--format', 'xml'],
      'Cannot screen: --format must be one of text, json, jsonl, csv, not "xml"',
    ],
    [
      ['a', '--fail-on', 'sim_named,serenity'],
      'Cannot screen: --fail-on has an unknown label "serenity"; the labels are police_in_care, coercion_sanctions, discrimination_hiu, sim_named, assurance',
    ],
    [['a', '--jobs', '0'], 'Cannot screen: --jobs must be a whole number from 1 to 256, not "0"'],
    [
      ['a', '--jobs', '1.5'],
      'Cannot screen: --jobs must be a whole number from 1 to 256, not "1.5"',
    ],
    [
      ['a', '--timeout', '0'],
      'Cannot screen: --timeout must be a number of seconds above 0 (at most a day), not "0"',
    ],
    [
      ['a', '--max-file-size', 'big'],
      'Cannot screen: --max-file-size must be a size such as 100MB or 2GB, not "big"',
    ],
    [['a', '--colour'], 'Cannot screen: unknown option "--colour"'],
    [['a', '--format'], 'Cannot screen: --format needs a value'],
    [['a', '-f'], 'Cannot screen: --format needs a value'],
    [['a', '--no-color=yes'], 'Cannot screen: --no-color does not take a value'],
    [
      ['a', '--threshold', '-1'],
      'Cannot screen: --threshold needs a value (write --threshold=VALUE for a value starting with "-")',
    ],
    [['-', '-'], 'Cannot screen: "-" (standard input) can be given only once'],
  ])('refuses %j with a usage error', (args, message) => {
    let thrown: unknown;
    try {
      parse(...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SimwatchError);
    expect(thrown).toMatchObject({ code: 'usage', message });
  });
});
