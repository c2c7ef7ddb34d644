import { defaultExtractionLimits } from '../extract/extraction-limits.js';
import { formatSize } from '../extract/format-size.js';
import { labels } from '../screening/finding.js';
import { defaultThreshold } from '../screening/score-finding.js';
import { defaultOcrPageTimeoutSeconds } from '../ocr/ocr-settings.js';
import { defaultTimeoutSeconds } from '../pipeline/screening-pool.js';

/** The one-line synopsis of `simwatch screen`, shown with usage errors. */
export const screenSynopsis = 'Usage: simwatch screen <file|folder|->... [options]';

/** The full help of `simwatch screen`. */
export const screenHelp = `${screenSynopsis}

Screen documents for the features of concern and print every finding with its
excerpt, page and reason. Folders are read recursively (hidden files and folders
are skipped); "-" reads one document from standard input. Archives and emails
are opened and each member or attachment is reported as a child document.

Options:
  -f, --format FORMAT       text (default, for people), json, jsonl (one JSON
                            object per document per line) or csv (one row per
                            finding)
  -t, --threshold N         Lowest score a finding needs to be reported, from 0
                            to 1 (default ${defaultThreshold})
      --fail-on LABELS      Exit with status 1 if any document has one of these
                            labels (comma-separated):
                            ${labels.slice(0, 3).join(', ')},
                            ${labels.slice(3).join(', ')}
  -j, --jobs N              Documents screened in parallel (default: the number
                            of CPUs)
      --max-file-size SIZE  Refuse larger files, such as 500MB or 2GB
                            (default ${formatSize(defaultExtractionLimits.maxFileBytes).replace(' ', '')})
      --timeout SECONDS     Give up on a file after this long (default ${defaultTimeoutSeconds});
                            each page read by OCR adds its own OCR time limit
      --no-ocr              Do not read pages without a text layer, or images,
                            by OCR; such pages are counted as not read
      --ocr-timeout SECONDS Give up on reading one page by OCR after this long
                            (default ${defaultOcrPageTimeoutSeconds}); the page is then counted as not read
      --no-color            Mark matched words with «» instead of colour (colour
                            is used only on a terminal, and never when NO_COLOR
                            is set)
      --no-progress         Do not show the progress bar (shown only on a
                            terminal, when screening more than one file)
  -h, --help                Show this help

Pages without a text layer (scans) and PNG, JPEG and TIFF images are read by
OCR (Tesseract, English), which may misread words: findings on such pages say
so, with the engine's confidence. Pages that could not be read are counted in
the summary, since a document with unread pages is not known to be clean.
Environment: SIMWATCH_OCR=off, SIMWATCH_OCR_ENGINE (auto, tesseract.js,
tesseract), SIMWATCH_OCR_PAGE_TIMEOUT (seconds), SIMWATCH_OCR_CACHE (a folder,
or off; default ~/.cache/simwatch/ocr).

Exit status: 0 when screening ran (files that could not be read are reported in
the output), 1 when a --fail-on label was found, 2 when the command was wrong or
screening could not start.
`;
