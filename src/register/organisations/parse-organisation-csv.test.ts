import { describe, expect, it } from 'vitest';

import { parseOrganisationCsv } from './parse-organisation-csv.js';

describe('parseOrganisationCsv()', () => {
  it('reads the lifecycle columns of simwatch\'s own format, lists separated by ";"', () => {
    const text =
      'code,name,kind,region,former_names,source_url,icb_code,opened,closed,successor_codes\n' +
      'ZZT9,Oldmoor NHS Trust,mental_health_trust,North,Oldmoor Care Trust,,zzi1,2001-04-01,2020-03-31,ZZT1; ZZT2\n';
    expect(parseOrganisationCsv(text, { file: 'own.csv' })).toEqual([
      {
        code: 'ZZT9',
        name: 'Oldmoor NHS Trust',
        kind: 'mental_health_trust',
        region: 'North',
        formerNames: ['Oldmoor Care Trust'],
        sourceUrl: null,
        icbCode: 'ZZI1',
        opened: '2001-04-01',
        closed: '2020-03-31',
        successorCodes: ['ZZT1', 'ZZT2'],
      },
    ]);
  });

  it('leaves out the lifecycle fields a file has no column for, so an import keeps them', () => {
    const [organisation] = parseOrganisationCsv('code,name\nZZT9,Oldmoor NHS Trust\n', {
      file: 'own.csv',
    });
    expect(organisation).not.toHaveProperty('closed');
    expect(organisation).not.toHaveProperty('successorCodes');
  });

  it('takes the kind from the columns of a reference list: ICBs and ambulance trusts', () => {
    const icbs = parseOrganisationCsv(
      'ods_code,name,status,nhs_region,region_ods_code,opened,closed,successor_ods_codes\n' +
        'ZZI1,NHS Oldmoor ICB,closed,North West,Y62,2022-07-01,2026-03-31,ZZI2 ; ZZI3\n',
      { file: 'icbs.csv' },
    );
    expect(icbs[0]).toMatchObject({
      kind: 'integrated_care_board',
      region: 'North West',
      successorCodes: ['ZZI2', 'ZZI3'],
    });
    const ambulance = parseOrganisationCsv(
      'ods_code,name,status,hq_nhs_region,hq_region_ods_code,hq_icb_code,opened\n' +
        'ZZA1,Oldmoor Ambulance Service NHS Trust,current,Midlands,Y60,ZZI1,2006-07-01\n',
      { file: 'ambulance.csv' },
    );
    expect(ambulance[0]).toMatchObject({
      kind: 'ambulance_trust',
      region: 'Midlands',
      icbCode: 'ZZI1',
      opened: '2006-07-01',
    });
  });

  it('refuses a date that is not YYYY-MM-DD, naming the file, line and column', () => {
    expect(() =>
      parseOrganisationCsv('code,name,closed\nZZT9,Oldmoor NHS Trust,31/03/2020\n', {
        file: 'own.csv',
      }),
    ).toThrow(
      'Cannot import own.csv line 2: closed "31/03/2020" is not a date; write it as YYYY-MM-DD',
    );
    expect(() =>
      parseOrganisationCsv('code,name,opened\nZZT9,Oldmoor NHS Trust,2020-02-30\n', {
        file: 'own.csv',
      }),
    ).toThrow(/opened "2020-02-30" is not a date/);
  });
});
