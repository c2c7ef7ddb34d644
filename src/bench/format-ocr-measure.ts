import type { OcrMeasure } from './measure-ocr.js';

const columns = [
  'engine',
  'dpi',
  'pages',
  'chars',
  'accuracy',
  'worst page',
  'confidence',
  'pages/s',
  'first page',
];
const widths = [22, 4, 6, 7, 9, 11, 11, 8, 11];

/** The header row of the OCR comparison table. */
export function ocrMeasureHeader(): string {
  return row(columns);
}

/** One engine's measure as a row of the OCR comparison table. */
export function formatOcrMeasure(label: string, dpi: number, measure: OcrMeasure): string {
  return row([
    label,
    String(dpi),
    String(measure.pages),
    String(measure.chars),
    percent(measure.accuracy),
    percent(measure.worstPageAccuracy),
    measure.meanConfidence.toFixed(0),
    (measure.pages / measure.seconds).toFixed(2),
    `${measure.firstPageSeconds.toFixed(1)} s`,
  ]);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

function row(cells: readonly string[]): string {
  return cells
    .map((cell, index) =>
      index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
    )
    .join(' ')
    .trimEnd();
}
