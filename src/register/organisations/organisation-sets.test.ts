import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { OrganisationInput } from './organisation.js';
import {
  parseEnglandOrganisations,
  referenceFileNames,
  type ReferenceFiles,
} from './organisation-sets.js';
import { readOrganisationSet, referenceDataDir } from './read-organisation-set.js';

const files = Object.fromEntries(
  Object.entries(referenceFileNames).map(([key, file]) => [
    key,
    readFileSync(join(referenceDataDir, file), 'utf8'),
  ]),
) as unknown as ReferenceFiles;
const england = parseEnglandOrganisations(files);
const byCode = new Map(england.map((organisation) => [organisation.code, organisation]));
const get = (code: string): OrganisationInput => {
  const found = byCode.get(code);
  if (!found) throw new Error(`No ${code} in the England set`);
  return found;
};
const ofKind = (kind: OrganisationInput['kind']) => england.filter((each) => each.kind === kind);

describe('parseEnglandOrganisations()', () => {
  it('holds each organisation once: 172 from the six lists', () => {
    expect(byCode.size).toBe(england.length);
    expect(england).toHaveLength(172);
    expect(
      Object.fromEntries(
        ['mental_health_trust', 'ambulance_trust', 'integrated_care_board', 'police_force'].map(
          (kind) => [kind, ofKind(kind as OrganisationInput['kind']).length],
        ),
      ),
    ).toEqual({
      // 59 rows, less the two trusts that no longer run mental health services.
      mental_health_trust: 57,
      ambulance_trust: 11,
      integrated_care_board: 48,
      police_force: 40,
    });
    expect(ofKind('health_innovation_network')).toHaveLength(15);
    expect(ofKind('other').map((each) => each.code)).toEqual(['RNN']);
  });

  it('has 48 ICBs: 36 current, and 12 abolished on 2026-03-31, each with successors', () => {
    const icbs = ofKind('integrated_care_board');
    const abolished = icbs.filter((icb) => icb.closed !== null);
    expect(icbs.filter((icb) => icb.closed === null)).toHaveLength(36);
    expect(abolished.map((icb) => icb.code).sort()).toEqual(
      ['QH8', 'QHG', 'QJG', 'QM7', 'QMJ', 'QMM', 'QNQ', 'QNX', 'QRV', 'QU9', 'QUE', 'QXU'].sort(),
    );
    for (const icb of abolished) {
      expect(icb.closed).toBe('2026-03-31');
      expect(icb.successorCodes?.length).toBeGreaterThan(0);
    }
    expect(get('QNQ').successorCodes).toEqual(['S0E4D', 'S9B9J', 'QRL']);
    expect(icbs.filter((icb) => icb.opened === '2026-04-01')).toHaveLength(6);
    expect(get('Z9B2Z')).toMatchObject({ region: 'London', icbCode: null, closed: null });
  });

  it('places North London NHS Foundation Trust in ICB Z9B2Z, London, opened 2024-11-01', () => {
    expect(get('G6V2S')).toMatchObject({
      name: 'North London NHS Foundation Trust',
      kind: 'mental_health_trust',
      region: 'London',
      icbCode: 'Z9B2Z',
      opened: '2024-11-01',
      closed: null,
      successorCodes: [],
    });
  });

  it('keeps closed trusts with their closing date and successor', () => {
    expect(get('RNK')).toMatchObject({
      name: 'Tavistock and Portman NHS Foundation Trust',
      kind: 'mental_health_trust',
      closed: '2026-03-31',
      successorCodes: ['G6V2S'],
    });
    expect(get('RRP')).toMatchObject({ closed: '2024-10-31', successorCodes: ['G6V2S'] });
    expect(get('RTV')).toMatchObject({
      closed: '2021-05-31',
      successorCodes: ['RW4'],
      formerNames: ['5 Boroughs Partnership NHS Foundation Trust'],
    });
    const closedTrusts = ofKind('mental_health_trust').filter((trust) => trust.closed !== null);
    expect(closedTrusts).toHaveLength(9);
    for (const trust of closedTrusts) expect(trust.successorCodes).toHaveLength(1);
  });

  it('names a trust by its later name when the list gives one, keeping the listed name as former', () => {
    expect(get('RNN')).toMatchObject({
      name: 'North Cumbria Integrated Care NHS Foundation Trust',
      formerNames: ['Cumbria Partnership NHS Foundation Trust'],
      closed: null,
      successorCodes: ['RX4'],
    });
    expect(get('RYK')).toMatchObject({
      name: 'Dudley Integrated Health and Care NHS Trust',
      formerNames: ['Dudley and Walsall Mental Health Partnership NHS Trust'],
      closed: '2024-09-30',
    });
  });

  it('drops the source notes from former names', () => {
    expect(get('RRE').formerNames).toEqual([
      'South Staffordshire and Shropshire Healthcare NHS Foundation Trust',
      'Midlands Partnership NHS Foundation Trust',
    ]);
  });

  it('makes the Isle of Wight NHS Trust one open ambulance trust whose mental health services went to RW1', () => {
    expect(get('R1F')).toMatchObject({
      name: 'Isle of Wight NHS Trust',
      kind: 'ambulance_trust',
      region: 'South East',
      icbCode: 'QRL',
      closed: null,
      successorCodes: ['RW1'],
    });
  });

  it('has the police forces of England and the British Transport Police, not the Welsh forces', () => {
    const forces = ofKind('police_force').map((force) => force.code);
    expect(forces).toContain('metropolitan');
    expect(forces).toContain('btp');
    for (const welsh of ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'])
      expect(forces).not.toContain(welsh);
    expect(get('btp').region).toBeNull();
    // A force spanning two regions is placed in the first the list gives.
    expect(get('cumbria').region).toBe('North East and Yorkshire');
  });

  it('codes health innovation networks by a stable slug of their name', () => {
    expect(get('hin-health-innovation-oxford-and-thames-valley')).toMatchObject({
      kind: 'health_innovation_network',
      region: 'South East',
      formerNames: ['Oxford AHSN'],
    });
  });

  it('gives every organisation but the British Transport Police an NHS England region', () => {
    const regions = new Set(['London', 'South West', 'South East', 'Midlands', 'East of England']);
    regions.add('North West').add('North East and Yorkshire');
    for (const organisation of england)
      if (organisation.code !== 'btp') expect(regions.has(organisation.region ?? '')).toBe(true);
  });

  it('keeps the first source of each organisation', () => {
    expect(get('G6V2S').sourceUrl).toBe(
      'https://github.com/Riyaburman-analytics/UK-healthcare-analysis/blob/7ae87aca19c17987fe404a19f534b8b761c8ca53/etr.csv',
    );
  });

  it('refuses a successor that is in none of the lists, naming it', () => {
    const broken = files.mentalHealthTrusts.replace(
      'RNK,Tavistock and Portman NHS Foundation Trust,closed,London,Y56,Z9B2Z,1994-04-01,2026-03-31,G6V2S',
      'RNK,Tavistock and Portman NHS Foundation Trust,closed,London,Y56,Z9B2Z,1994-04-01,2026-03-31,ZZZ9',
    );
    expect(broken).not.toBe(files.mentalHealthTrusts);
    expect(() => parseEnglandOrganisations({ ...files, mentalHealthTrusts: broken })).toThrow(
      /RNK names "ZZZ9", which is in none of the lists/,
    );
  });

  it('refuses a region code that regions.csv does not name', () => {
    const regions = files.regions.replace(/^Y56,London,.*$/m, '');
    expect(() => parseEnglandOrganisations({ ...files, regions })).toThrow(
      /mental-health-trusts\.csv line 2: region code "Y56" is not an NHS England region/,
    );
  });
});

describe('readOrganisationSet()', () => {
  it('reads the England set from reference-data/', async () => {
    expect(await readOrganisationSet('england')).toEqual(england);
  });

  it('refuses an unknown set, naming it and the sets there are', async () => {
    await expect(readOrganisationSet('wales')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Cannot load organisations "wales": the sets are england',
    });
  });
});
