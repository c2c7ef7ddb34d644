import type { Selectable } from 'kysely';

import type { FindingsTable } from '../../store/schema.js';
import type { NearestExampleRecord } from '../register-event.js';

/** What screening said of a finding besides its label, excerpt and score. */
export interface FindingScreening {
  /** Every page the passage was found on. */
  pages: (number | null)[];
  /** How the passage speaks, as screening read it: practice, critique, assurance or neutral. */
  stance: string;
  /** What proposed the passage: indicators of the catalogue, or frames of the model. */
  proposedBy: { id: string; reason: string }[];
  /** The model's strongest reasons for the label, in plain words, strongest first. */
  explanation: string[];
  /** What counted against it most. */
  against: string[];
  /** The labelled passage most like it, by id and source (never its text). */
  nearest: NearestExampleRecord | null;
  /** The model that judged it; null when only the catalogue's rules did. */
  modelVersion: string | null;
}

/** Reads what screening said of a finding from its row (lists are kept as JSON text). */
export function findingScreeningOf(
  row: Pick<
    Selectable<FindingsTable>,
    'pages' | 'stance' | 'proposed_by' | 'explanation' | 'against' | 'nearest' | 'model_version'
  >,
): FindingScreening {
  return {
    pages: JSON.parse(row.pages) as (number | null)[],
    stance: row.stance,
    proposedBy: JSON.parse(row.proposed_by) as FindingScreening['proposedBy'],
    explanation: JSON.parse(row.explanation) as string[],
    against: JSON.parse(row.against) as string[],
    nearest: row.nearest === null ? null : (JSON.parse(row.nearest) as NearestExampleRecord),
    modelVersion: row.model_version,
  };
}
