import { defaultExtractionLimits } from '../extract/extraction-limits.js';
import { formatSize } from '../extract/format-size.js';
import { labels } from '../screening/finding.js';
import { defaultThreshold } from '../screening/score-finding.js';
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
      --timeout SECONDS     Give up on a file after this long (default ${defaultTimeoutSeconds})
      --no-color            Mark matched words with «» instead of colour (colour
                            is used only on a terminal, and never when NO_COLOR
                            is set)
      --no-progress         Do not show the progress bar (shown only on a
                            terminal, when screening more than one file)
  -h, --help                Show this help

Exit status: 0 when screening ran (files that could not be read are reported in
the output), 1 when a --fail-on label was found, 2 when the command was wrong or
screening could not start.
`;
