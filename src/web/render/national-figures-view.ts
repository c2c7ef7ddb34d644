import { featureNames } from '../../register/status/feature-names.js';
import type { NationalFigures } from '../../register/status/national-figures.js';
import { statusLabels, statusOrder } from '../../register/status/organisation-status.js';
import { features, type Feature } from '../../register/status/register-facts.js';
import { describeBarGroups, renderBarChart, type BarGroup } from './bar-chart.js';

/** One line of a figures table: what is counted, how many, and the list it links to. */
export interface FigureRow {
  text: string;
  value: number;
  href: string | null;
}

/** The home page's figures: two charts (SVG markup) and the same figures as table rows. */
export interface NationalFiguresView {
  organisations: number;
  answersChart: string;
  featuresChart: string;
  answers: FigureRow[];
  features: { feature: Feature; name: string; used: FigureRow; continuing: FigureRow }[];
  statuses: (FigureRow & { status: string })[];
}

/** A feature's name as a heading or table cell ("Police in care planning"). */
export function featureHeading(feature: Feature): string {
  const name = featureNames[feature];
  return name.startsWith('SIM') ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Lays out the national figures for the home page: charts for people who see them, and tables
 * with the same numbers for everyone (links lead to the organisations counted where a filter of
 * the list gives exactly that count).
 */
export function buildNationalFiguresView(figures: NationalFigures): NationalFiguresView {
  const answers: FigureRow[] = [
    { text: 'Asked in a national review', value: figures.asked, href: null },
    { text: 'Responded to the review', value: figures.responded, href: null },
    { text: 'Used SIM or a SIM-type model', value: figures.usedModel, href: null },
    { text: 'Appear to be continuing key features', value: figures.continuing, href: null },
    {
      text: 'Evidence contradicts an assurance they gave',
      value: figures.contradicted,
      href: '/organisations?status=contradicted',
    },
  ];
  const featureRows = features.map((feature) => ({
    feature,
    name: featureHeading(feature),
    used: {
      text: 'Used',
      value: figures.perFeature[feature].used,
      href: `/organisations?feature=${feature}`,
    },
    continuing: {
      text: 'Appear to continue',
      value: figures.perFeature[feature].continuing,
      href: null,
    },
  }));
  const answerGroups: BarGroup[] = answers.map((row) => ({
    label: row.text,
    bars: [{ name: row.text, value: row.value }],
  }));
  const featureGroups: BarGroup[] = featureRows.map((row) => ({
    label: row.name,
    bars: [
      { name: 'Used', value: row.used.value },
      { name: 'Appear to continue', value: row.continuing.value },
    ],
  }));
  const outOf = `out of ${figures.organisations} in the register`;
  return {
    organisations: figures.organisations,
    answersChart: renderBarChart({
      id: 'chart-answers',
      title: `Organisations, ${outOf}`,
      description: describeBarGroups(answerGroups),
      max: figures.organisations,
      groups: answerGroups,
    }),
    featuresChart: renderBarChart({
      id: 'chart-features',
      title: `Organisations by feature of concern, ${outOf}`,
      description: describeBarGroups(featureGroups),
      max: figures.organisations,
      groups: featureGroups,
    }),
    answers,
    features: featureRows,
    statuses: statusOrder.map((status) => ({
      status,
      text: statusLabels[status],
      value: figures.byStatus[status],
      href: `/organisations?status=${status}`,
    })),
  };
}
