/** What an OCR engine read on one page: the text, its mean word confidence (0..100) and the engine. */
export interface OcrResult {
  text: string;
  confidence: number;
  engine: string;
}

/** An OCR engine: reads the text of a page image (PNG). */
export interface OcrEngine {
  /** Names the engine and its version, e.g. 'tesseract.js 7.0.0 (eng 4.0.0)'. */
  readonly name: string;
  /** Reads one page; rejects when the engine fails or takes longer than `timeoutMs`. */
  recognise(png: Uint8Array, options: { timeoutMs: number }): Promise<OcrResult>;
  /** Releases the engine's resources (workers, processes). */
  close(): Promise<void>;
}
