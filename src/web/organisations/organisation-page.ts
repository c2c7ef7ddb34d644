import { documentKindNames, documentKinds } from '../../register/documents/document.js';
import { organisationKindNames } from '../../register/organisations/organisation.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import type { FeatureState, StatusCode } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { readOrganisationRecord } from '../../register/organisations/organisation-page-repository.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import { httpUrlOrNull } from '../render/http-url.js';
import { formatDate } from '../render/template-environment.js';
import { featureHeading } from '../render/national-figures-view.js';
import {
  buildTimeline,
  reasonSourceLink,
  type PageLink,
  type TimelineEntry,
} from './organisation-timeline.js';
import { describeRelation } from './relation-names.js';
import { deriveStatusHistory, type StatusChange } from '../../register/status/status-history.js';
import { renderTimelineChart } from './timeline-chart.js';
import { listTimelineMarks, markKindNames, type TimelineMark } from './timeline-marks.js';
import { listOrganisationResponses } from '../../register/responses/responses-repository.js';
import { responsesByAnchor, viewOf, type ResponseView } from '../responses/response-view.js';

/** Everything an organisation's public page shows. */
export interface OrganisationPage {
  organisation: {
    code: string;
    name: string;
    kindName: string;
    region: string | null;
    formerNames: string[];
    /** Where the organisation's details come from: a link when it is a web address. */
    sourceUrl: string | null;
    opened: string | null;
    closed: string | null;
    icb: { code: string; name: string } | null;
    successors: { code: string; name: string }[];
    /** Each with a sentence saying how its work passed to this organisation. */
    predecessors: { code: string; name: string; text: string }[];
  };
  links: { code: string; name: string; relation: string }[];
  status: StatusCode;
  statusLabel: string;
  reasons: { text: string; source: PageLink | null }[];
  featureStates: { name: string; state: string }[];
  timeline: TimelineEntry[];
  /** The dated records as a graphic (SVG markup, null when none) and as a table of the same. */
  timelineChart: string | null;
  timelineMarks: (TimelineMark & { kindName: string })[];
  /** How the status changed, newest first, each with the reasons it rests on. */
  statusHistory: (Omit<StatusChange, 'because'> & {
    because: { text: string; source: PageLink | null }[];
  })[];
  documents: { id: number; title: string; typeName: string; date: string | null }[];
  /** Its responses (right of reply), oldest received first, and by what each answers. */
  responses: ResponseView[];
  responsesByAnchor: Record<string, ResponseView[]>;
}

const featureStateNames: Record<FeatureState, string> = {
  continuing: 'Appears to be continuing',
  ended: 'Said to have ended',
  not_known: 'Nothing known',
};

/**
 * What an organisation's page shows, or undefined when no organisation has the code: its
 * details and links, its status with the reasons, and its timeline.
 */
export async function loadOrganisationPage(
  db: RegisterDatabase['db'],
  code: string,
): Promise<OrganisationPage | undefined> {
  const record = await readOrganisationRecord(db, code);
  if (!record) return undefined;
  const { facts } = record;
  const status = deriveStatus(facts);
  const marks = listTimelineMarks(facts);
  const responses = await listOrganisationResponses(db, facts.organisation.id);
  return {
    organisation: {
      code: facts.organisation.code,
      name: facts.organisation.name,
      kindName: organisationKindNames[facts.organisation.kind],
      region: facts.organisation.region,
      formerNames: record.formerNames,
      sourceUrl: httpUrlOrNull(record.sourceUrl),
      opened: record.lifecycle.opened,
      closed: record.lifecycle.closed,
      icb: record.lifecycle.icb,
      successors: record.lifecycle.successors,
      predecessors: record.lifecycle.predecessors.map((each) => ({
        code: each.code,
        name: each.name,
        text:
          each.closed === null
            ? 'still open; some of its services passed to this organisation'
            : `closed on ${formatDate(each.closed)}; its work passed to this organisation`,
      })),
    },
    links: [...record.links]
      .sort(
        (a, b) => Number(b.outgoing) - Number(a.outgoing) || a.otherName.localeCompare(b.otherName),
      )
      .map((link) => ({
        code: link.otherCode,
        name: link.otherName,
        relation: describeRelation(link.relation, link.outgoing ? 'from' : 'to'),
      })),
    status: status.status,
    statusLabel: status.label,
    reasons: status.reasons.map((reason) => ({
      text: reason.text,
      source: reasonSourceLink(reason, facts),
    })),
    featureStates: features.map((feature) => ({
      name: featureHeading(feature),
      state: featureStateNames[status.features[feature]],
    })),
    timeline: buildTimeline(facts, status.contradictionGroups, {
      reasons: record.findingReasons,
      assuranceSources: record.assuranceSources,
    }),
    timelineChart:
      marks.length === 0
        ? null
        : renderTimelineChart(
            marks,
            `Timeline graphic of ${facts.organisation.name}'s dated records. The table "Dated records on the timeline" below lists the same entries.`,
          ),
    timelineMarks: marks.map((mark) => ({ ...mark, kindName: markKindNames[mark.kind] })),
    statusHistory: deriveStatusHistory(facts)
      .reverse()
      .map((change) => ({
        ...change,
        because: change.because.map((reason) => ({
          text: reason.text,
          source: reasonSourceLink(reason, facts),
        })),
      })),
    documents: record.documents.map((each) => ({
      id: each.id,
      title: each.title,
      typeName: documentKindNames[documentKinds.find((kind) => kind === each.docType) ?? 'other'],
      date: each.date,
    })),
    responses: responses.map(viewOf),
    responsesByAnchor: responsesByAnchor(responses),
  };
}
