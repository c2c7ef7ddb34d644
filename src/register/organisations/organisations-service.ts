import { SimwatchError } from '../../errors.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { OrganisationRecord } from '../register-event.js';
import type { OrganisationInput } from './organisation.js';
import { findOrganisationByCode, getOrganisationByCode } from './organisations-repository.js';

/** What an import changed. */
export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Adds organisations from a reference list, or updates those already known by code. A changed
 * name keeps the old one among the former names. One event records the whole import.
 */
export async function importOrganisations(
  deps: RegisterDeps,
  inputs: readonly OrganisationInput[],
  actor: string,
): Promise<ImportSummary> {
  return recordChange(deps, actor, async (trx) => {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0 };
    const records: OrganisationRecord[] = [];
    let id = await nextId(trx, 'organisations');
    for (const input of inputs) {
      const existing = await findOrganisationByCode(trx, input.code);
      if (!existing) {
        records.push({
          id,
          ...input,
          icbCode: input.icbCode ?? null,
          opened: input.opened ?? null,
          closed: input.closed ?? null,
          successorCodes: input.successorCodes ?? [],
        });
        id += 1;
        summary.added += 1;
        continue;
      }
      const formerNames = [...new Set([...existing.formerNames, ...input.formerNames])];
      if (existing.name !== input.name && !formerNames.includes(existing.name))
        formerNames.push(existing.name);
      const next: OrganisationRecord = {
        id: existing.id,
        code: existing.code,
        name: input.name,
        kind: input.kind,
        region: input.region ?? existing.region,
        formerNames: formerNames.filter((name) => name !== input.name),
        sourceUrl: input.sourceUrl ?? existing.sourceUrl,
        icbCode: input.icbCode ?? existing.icbCode,
        opened: input.opened ?? existing.opened,
        closed: input.closed ?? existing.closed,
        successorCodes: input.successorCodes ?? existing.successorCodes,
      };
      if (JSON.stringify(next) === JSON.stringify(existing)) summary.unchanged += 1;
      else {
        records.push(next);
        summary.updated += 1;
      }
    }
    return {
      events:
        records.length > 0
          ? [{ type: 'organisations.imported', payload: { organisations: records } }]
          : [],
      result: summary,
    };
  });
}

/** Records that one organisation works with another (a trust with a police force, say). */
export async function linkOrganisations(
  deps: RegisterDeps,
  link: { code: string; linkedCode: string; relation: string },
  actor: string,
): Promise<void> {
  await recordChange(deps, actor, async (trx) => {
    const from = await getOrganisationByCode(trx, link.code);
    const to = await getOrganisationByCode(trx, link.linkedCode);
    if (from.id === to.id)
      throw new SimwatchError('invalid_input', `Cannot link "${link.code}" with itself`);
    const existing = await trx
      .selectFrom('organisation_links')
      .select('id')
      .where('organisation_id', '=', from.id)
      .where('linked_organisation_id', '=', to.id)
      .where('relation', '=', link.relation)
      .executeTakeFirst();
    if (existing) return { events: [], result: undefined };
    const id = await nextId(trx, 'organisation_links');
    return {
      events: [
        {
          type: 'organisation.linked',
          payload: {
            link: {
              id,
              organisationId: from.id,
              linkedOrganisationId: to.id,
              relation: link.relation,
            },
          },
        },
      ],
      result: undefined,
    };
  });
}
