import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { roleWords, setupCodeWords, staffImportSummary } from './staff-import-words';

describe('staffImportSummary', () => {
  it('counts new and existing accounts', () => {
    expect(staffImportSummary({ toCreate: 2, existing: ['sam.lee@northgate.example'] })).toBe(
      '2 new staff accounts, 1 already has one',
    );
    expect(staffImportSummary({ toCreate: 1, existing: [] })).toBe(
      '1 new staff account, 0 already have one',
    );
  });
});

describe('roleWords', () => {
  it('names the roles in words', () => {
    expect(roleWords(['coordinator'])).toBe('coordinator');
    expect(roleWords(['coordinator', 'dsl', 'supervisor'])).toBe('coordinator, safeguarding lead and supervisor');
    expect(roleWords(['librarian'])).toBe('librarian');
  });
});

describe('setupCodeWords', () => {
  it('says who gets the code and until when, in school time', () => {
    const account = { email: 'jo@school.example', fullName: 'Jo Walsh', roles: ['dsl'], setupCode: 'ABCDE-12345', expiresAt: '2026-11-30T16:00:00Z' };
    expect(setupCodeWords(account, schoolTime('Europe/London'))).toBe('Give this code to Jo Walsh; it lets them choose a password, once, until Mon 30 Nov 2026, 16:00.');
    expect(setupCodeWords(account, schoolTime('Asia/Tokyo'))).toMatch(/until Tue 1 Dec 2026, 01:00\.$/);
  });
});
