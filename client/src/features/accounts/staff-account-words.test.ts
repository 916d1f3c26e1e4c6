import { describe, expect, it } from 'vitest';
import { grantableRoles, inviteProblems } from './staff-account-words';

describe('grantableRoles', () => {
  it('offers only roles one holds, and a DSL only the DSL role', () => {
    expect(grantableRoles(['coordinator'])).toEqual(['coordinator']);
    expect(grantableRoles(['supervisor', 'coordinator', 'dsl'])).toEqual(['coordinator', 'dsl', 'supervisor']);
    expect(grantableRoles(['dsl', 'supervisor'])).toEqual(['dsl']);
    expect(grantableRoles(['admin'])).toEqual([]);
  });
});

describe('inviteProblems', () => {
  it('names each field that is wrong', () => {
    expect(inviteProblems({ fullName: ' ', email: 'jo@', roles: [] })).toEqual({
      fullName: expect.stringMatching(/^Name:/),
      email: expect.stringMatching(/^Email:/),
      roles: expect.stringMatching(/^Roles:/),
    });
    expect(inviteProblems({ fullName: 'Jo Ward', email: 'jo.ward@school.example', roles: ['dsl'] })).toEqual({});
  });
});
