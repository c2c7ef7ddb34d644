import { describe, expect, it } from 'vitest';

import { composeRequestEmail } from './foi-sender.js';

const request = {
  ref: 'SW-FOI-000007',
  subject: 'Police in\ncare plans',
  body: 'Please send me every policy that names Serenity Integrated Mentoring.\r\n\r\nThank you.',
  organisationName: 'Example Trust',
};

describe('composeRequestEmail()', () => {
  it('puts the subject and reference in the subject line, on one line', () => {
    expect(composeRequestEmail(request, ' foi@example.nhs.uk ')).toMatchObject({
      ref: 'SW-FOI-000007',
      to: 'foi@example.nhs.uk',
      subject: 'Freedom of Information request: Police in care plans [SW-FOI-000007]',
    });
  });

  it('greets the organisation, keeps the body, and ends with the reference and the statutory deadline', () => {
    const { text } = composeRequestEmail(request, 'foi@example.nhs.uk');
    expect(text.startsWith('Dear Example Trust,\n\nPlease send me every policy')).toBe(true);
    expect(text).toContain(
      'Serenity Integrated Mentoring.\n\nThank you.\n\nReference: SW-FOI-000007',
    );
    expect(text).not.toContain('\r');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual([
      'Reference: SW-FOI-000007 (please quote it in your reply)',
      'This is a request for information under the Freedom of Information Act 2000: section 10 requires you to answer promptly and no later than the 20th working day after you receive it.',
    ]);
  });

  it('adds no second greeting when the body has one', () => {
    const { text } = composeRequestEmail(
      { ...request, body: 'Dear FOI team,\n\nPlease send me the policy.' },
      'foi@example.nhs.uk',
    );
    expect(text.startsWith('Dear FOI team,')).toBe(true);
    expect(text).not.toContain('Dear Example Trust');
  });
});
