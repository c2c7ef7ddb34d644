import { describe, expect, it } from 'vitest';

import { readOcrSettings } from './ocr-settings.js';

describe('readOcrSettings()', () => {
  it('turns OCR on with the measured engine, a minute a page and a cache under XDG_CACHE_HOME', () => {
    expect(readOcrSettings({ XDG_CACHE_HOME: '/c', HOME: '/h' })).toEqual({
      enabled: true,
      engine: 'auto',
      pageTimeoutMs: 60_000,
      dpi: 300,
      cacheDir: '/c/simwatch/ocr',
    });
    expect(readOcrSettings({ HOME: '/h' }).cacheDir).toBe('/h/.cache/simwatch/ocr');
  });

  it('reads SIMWATCH_OCR, SIMWATCH_OCR_ENGINE, SIMWATCH_OCR_PAGE_TIMEOUT and SIMWATCH_OCR_CACHE', () => {
    expect(
      readOcrSettings({
        SIMWATCH_OCR: 'off',
        SIMWATCH_OCR_ENGINE: 'tesseract.js',
        SIMWATCH_OCR_PAGE_TIMEOUT: '2.5',
        SIMWATCH_OCR_CACHE: 'off',
      }),
    ).toMatchObject({
      enabled: false,
      engine: 'tesseract.js',
      pageTimeoutMs: 2500,
      cacheDir: null,
    });
    expect(readOcrSettings({ SIMWATCH_OCR_CACHE: '/tmp/ocr' }).cacheDir).toBe('/tmp/ocr');
  });

  it("uses the register's own cache folder when one is given and the variable is unset", () => {
    expect(readOcrSettings({}, { defaultCacheDir: '/data/ocr-cache' }).cacheDir).toBe(
      '/data/ocr-cache',
    );
  });

  it('refuses an unknown engine and a time limit that is not a positive number', () => {
    expect(() => readOcrSettings({ SIMWATCH_OCR_ENGINE: 'abbyy' })).toThrow(
      'Cannot use SIMWATCH_OCR_ENGINE "abbyy": it must be one of tesseract.js, tesseract, auto',
    );
    expect(() => readOcrSettings({ SIMWATCH_OCR_PAGE_TIMEOUT: '0' })).toThrow(
      'Cannot use SIMWATCH_OCR_PAGE_TIMEOUT "0": it must be a number of seconds above 0',
    );
  });
});
