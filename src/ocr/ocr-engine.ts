/** What an OCR engine read from one page image: its text, mean confidence (0 to 100) and who read it. */
export interface OcrResult {
  text: string;
  confidence: number;
  /** The engine and its version, for example `tesseract.js 7.0.0 (eng 4.0.0)`. */
  engine: string;
}

/** Reads the text of page images. One engine reads one page at a time; close it when done. */
export interface OcrEngine {
  /** The engine and its version, recorded with every page it reads. */
  readonly name: string;
  /** Reads a page image (PNG); rejects when it takes longer than `timeoutMs` or the engine fails. */
  recognise(png: Uint8Array, options: { timeoutMs: number }): Promise<OcrResult>;
  /** Stops the engine (its worker); it may be used again afterwards, starting afresh. */
  close(): Promise<void>;
}
