import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { SimwatchError } from '../errors.js';

/** Which OCR engine to use: tesseract.js (WebAssembly), Debian's `tesseract`, or the measured best. */
export type OcrEngineChoice = 'tesseract.js' | 'tesseract' | 'auto';

/** How pages without a text layer, and images, are read. */
export interface OcrSettings {
  /** False with `--no-ocr` or `SIMWATCH_OCR=off`: such pages are counted as not read. */
  enabled: boolean;
  /** `SIMWATCH_OCR_ENGINE`, default `auto`. */
  engine: OcrEngineChoice;
  /** The most one page may take, in ms (default 60 s; `SIMWATCH_OCR_PAGE_TIMEOUT` in seconds). */
  pageTimeoutMs: number;
  /** The resolution PDF pages are rendered at for OCR (300). */
  dpi: number;
  /** Where pages already read are kept (`SIMWATCH_OCR_CACHE`, `off`: nowhere). */
  cacheDir: string | null;
}

/** The default time limit for OCR of one page, in seconds. */
export const defaultOcrPageTimeoutSeconds = 60;

/** OCR on with the default engine and time limit, at 300 dpi, without a cache. */
export const defaultOcrSettings: Readonly<OcrSettings> = Object.freeze({
  enabled: true,
  engine: 'auto',
  pageTimeoutMs: defaultOcrPageTimeoutSeconds * 1000,
  dpi: 300,
  cacheDir: null,
});

const engineChoices: readonly OcrEngineChoice[] = ['tesseract.js', 'tesseract', 'auto'];

/**
 * Reads the OCR settings from environment variables (given, not read here). The cache defaults to
 * `defaultCacheDir`, else `$XDG_CACHE_HOME/simwatch/ocr` (or `~/.cache/simwatch/ocr`); a relative
 * `SIMWATCH_OCR_CACHE` is taken from `cwd`.
 */
export function readOcrSettings(
  env: Readonly<Record<string, string | undefined>>,
  options: { defaultCacheDir?: string; cwd?: string } = {},
): OcrSettings {
  const engine = env.SIMWATCH_OCR_ENGINE?.trim() || 'auto';
  if (!isOcrEngineChoice(engine))
    throw new SimwatchError(
      'invalid_input',
      `Cannot use SIMWATCH_OCR_ENGINE "${engine}": it must be one of ${engineChoices.join(', ')}`,
    );
  const timeout = env.SIMWATCH_OCR_PAGE_TIMEOUT?.trim();
  const cache = env.SIMWATCH_OCR_CACHE?.trim();
  const xdgCache = env.XDG_CACHE_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.cache');
  return {
    enabled: !['off', '0', 'false', 'no'].includes(env.SIMWATCH_OCR?.trim().toLowerCase() ?? ''),
    engine,
    pageTimeoutMs: timeout
      ? parseOcrTimeoutSeconds(timeout, 'SIMWATCH_OCR_PAGE_TIMEOUT') * 1000
      : defaultOcrPageTimeoutSeconds * 1000,
    dpi: 300,
    cacheDir:
      cache === 'off'
        ? null
        : cache
          ? resolve(options.cwd ?? '.', cache)
          : options.defaultCacheDir || join(xdgCache, 'simwatch', 'ocr'),
  };
}

/** Parses a per-page OCR time limit in seconds (a positive number), naming where it came from. */
export function parseOcrTimeoutSeconds(value: string, source: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0)
    throw new SimwatchError(
      'invalid_input',
      `Cannot use ${source} "${value}": it must be a number of seconds above 0`,
    );
  return seconds;
}

/** Tells whether `value` names an OCR engine choice. */
export function isOcrEngineChoice(value: string): value is OcrEngineChoice {
  return (engineChoices as readonly string[]).includes(value);
}
