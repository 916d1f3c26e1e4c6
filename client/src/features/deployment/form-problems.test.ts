import { describe, expect, it } from 'vitest';
import { CreatePartnershipBody, CreateSchoolBody } from '@peerbridge/shared';
import { PeerbridgeError } from '../../lib/peerbridge-error';
import { checkForm, serverProblems } from './form-problems';

describe('checkForm', () => {
  it('names each bad field of a new school in a sentence, with the rules the server uses', () => {
    const checked = checkForm(CreateSchoolBody, { name: ' ', urn: '12345', timeZone: 'Europe/Nowhere', contactEmail: 'office' });
    expect(checked).toEqual({
      ok: false,
      problems: {
        name: 'Is empty.',
        urn: 'Must be the six-digit URN (DfE number).',
        timeZone: 'Is not a time zone name such as Europe/London.',
        contactEmail: 'Must be an email address.',
      },
    });
  });

  it('refuses an offset for a zone (it would not follow the clock changes) and accepts an IANA name', () => {
    const base = { name: 'Northgate Academy', urn: '137001', contactEmail: 'office@northgate.example' };
    expect(checkForm(CreateSchoolBody, { ...base, timeZone: '+01:00' }).ok).toBe(false);
    expect(checkForm(CreateSchoolBody, { ...base, timeZone: 'Europe/London' })).toEqual({ ok: true, value: { ...base, timeZone: 'Europe/London' } });
  });

  it('refuses a partnership of a school with itself, and one ending before it starts', () => {
    const a = '00000000-0000-4000-8000-000000000001';
    const b = '00000000-0000-4000-8000-000000000002';
    expect(checkForm(CreatePartnershipBody, { mentorSchoolId: a, menteeSchoolId: a, start: '2027-01-04', end: '2027-07-16' })).toMatchObject({
      problems: { menteeSchoolId: 'Must be a different school from the mentor school.' },
    });
    expect(checkForm(CreatePartnershipBody, { mentorSchoolId: a, menteeSchoolId: b, start: '2027-07-16', end: '2027-01-04' })).toMatchObject({
      problems: { end: 'Must be on or after the start.' },
    });
    expect(checkForm(CreatePartnershipBody, { mentorSchoolId: '', menteeSchoolId: b, start: '', end: '2027-01-04' })).toMatchObject({
      problems: { mentorSchoolId: 'Must be a UUID.', start: 'Must be a date like 2026-09-07.' },
    });
  });
});

describe('serverProblems', () => {
  it('puts a refusal that names a field by that field, and anything else in general', () => {
    const taken = new PeerbridgeError('conflict', 'A school with URN 137001 is already on Peerbridge.', {
      details: { problems: [{ field: 'urn', problem: 'A school with URN 137001 is already on Peerbridge.' }] },
    });
    expect(serverProblems(taken)).toEqual({ fields: { urn: 'A school with URN 137001 is already on Peerbridge.' }, general: null });
    expect(serverProblems(new PeerbridgeError('not_found', 'The mentor school does not exist.'))).toEqual({ fields: {}, general: 'The mentor school does not exist.' });
  });
});
