import { parseArgs, type ParseArgsConfig } from 'node:util';

import { SimwatchError } from '../errors.js';
import { defaultExtractionLimits, type ExtractionLimits } from '../extract/extraction-limits.js';
import { defaultOcrSettings, type OcrSettings } from '../ocr/ocr-settings.js';
import { defaultTimeoutSeconds } from '../pipeline/screening-pool.js';
import { isLabel, labels, type Label } from '../screening/finding.js';
import { describeParseArgsError } from './describe-parse-args-error.js';
import { parseSize } from '../format/parse-size.js';

/** The output formats of `simwatch screen`. */
export const formatNames = ['text', 'json', 'jsonl', 'csv'] as const;

/** One output format name. */
export type FormatName = (typeof formatNames)[number];

/** Everything `simwatch screen` was asked to do, validated. */
export interface ScreenCommandOptions {
  help: boolean;
  inputs: string[];
  format: FormatName;
  /** Undefined means the engine's default threshold. */
  threshold: number | undefined;
  failOn: Label[];
  jobs: number;
  timeoutMs: number;
  limits: ExtractionLimits;
  color: boolean;
  progress: boolean;
  /** How pages without a text layer, and images, are read (`--no-ocr`, `--ocr-timeout`). */
  ocr: OcrSettings;
}

const maxJobs = 256;

const optionSpec = {
  format: { type: 'string', short: 'f', default: 'text' },
  threshold: { type: 'string', short: 't' },
  'fail-on': { type: 'string', multiple: true },
  jobs: { type: 'string', short: 'j' },
  'max-file-size': { type: 'string' },
  timeout: { type: 'string', default: String(defaultTimeoutSeconds) },
  'no-ocr': { type: 'boolean', default: false },
  'ocr-timeout': { type: 'string' },
  'no-color': { type: 'boolean', default: false },
  'no-progress': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses and checks the arguments after `screen`; throws a `usage` error that says what is wrong.
 * `defaults.ocr` holds the OCR settings from the environment (default: `defaultOcrSettings`).
 */
export function parseScreenOptions(
  args: readonly string[],
  defaults: { jobs: number; ocr?: OcrSettings },
): ScreenCommandOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: optionSpec,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usage(describeParseArgsError(error));
  }
  const { values, positionals } = parsed;
  if (!values.help && positionals.length === 0) throw usage('no files or folders given');
  if (positionals.filter((input) => input === '-').length > 1) {
    throw usage('"-" (standard input) can be given only once');
  }
  return {
    help: values.help,
    inputs: positionals,
    format: readFormat(values.format),
    threshold: values.threshold === undefined ? undefined : readThreshold(values.threshold),
    failOn: readLabels(values['fail-on'] ?? []),
    jobs: values.jobs === undefined ? defaults.jobs : readJobs(values.jobs),
    timeoutMs: readTimeout(values.timeout) * 1000,
    limits: { ...defaultExtractionLimits, maxFileBytes: readMaxFileSize(values['max-file-size']) },
    color: !values['no-color'],
    progress: !values['no-progress'],
    ocr: readOcr(defaults.ocr ?? defaultOcrSettings, values['no-ocr'], values['ocr-timeout']),
  };
}

function readOcr(settings: OcrSettings, off: boolean, timeout: string | undefined): OcrSettings {
  if (timeout === undefined) return { ...settings, enabled: settings.enabled && !off };
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(timeout) ? Number(timeout) : NaN;
  if (!(value > 0 && value <= 86_400))
    throw usage(
      `--ocr-timeout must be a number of seconds above 0 (at most a day), not "${timeout}"`,
    );
  return { ...settings, enabled: settings.enabled && !off, pageTimeoutMs: value * 1000 };
}

function readFormat(text: string): FormatName {
  const format = formatNames.find((name) => name === text);
  if (!format) throw usage(`--format must be one of ${formatNames.join(', ')}, not "${text}"`);
  return format;
}

function readThreshold(text: string): number {
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
  if (!(value >= 0 && value <= 1))
    throw usage(`--threshold must be a number from 0 to 1, not "${text}"`);
  return value;
}

function readLabels(values: string[]): Label[] {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  for (const name of names) {
    if (!isLabel(name)) {
      throw usage(`--fail-on has an unknown label "${name}"; the labels are ${labels.join(', ')}`);
    }
  }
  return names.filter(isLabel);
}

function readJobs(text: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= maxJobs)) {
    throw usage(`--jobs must be a whole number from 1 to ${maxJobs}, not "${text}"`);
  }
  return value;
}

function readTimeout(text: string): number {
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value <= 86_400)) {
    throw usage(`--timeout must be a number of seconds above 0 (at most a day), not "${text}"`);
  }
  return value;
}

function readMaxFileSize(text: string | undefined): number {
  if (text === undefined) return defaultExtractionLimits.maxFileBytes;
  const bytes = parseSize(text);
  if (bytes === undefined)
    throw usage(`--max-file-size must be a size such as 100MB or 2GB, not "${text}"`);
  return bytes;
}

function usage(detail: string): SimwatchError {
  return new SimwatchError('usage', `Cannot screen: ${detail}`);
}
