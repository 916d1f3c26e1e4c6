import { describe, expect, it } from 'vitest';
import { checkSetup } from './setup-account';

describe('checkSetup', () => {
  const good = { code: ' ABCD-EFGH-JKLM ', password: 'correct horse battery', again: 'correct horse battery' };

  it('sends the trimmed code and the password as typed', () => {
    expect(checkSetup(good)).toEqual({ ok: true, code: 'ABCD-EFGH-JKLM', password: 'correct horse battery' });
  });

  it('needs a code', () => {
    expect(checkSetup({ ...good, code: '  ' })).toMatchObject({ ok: false, message: 'Type the set-up code your coordinator gave you.' });
  });

  it('needs 12 characters', () => {
    expect(checkSetup({ ...good, password: 'elevenchars', again: 'elevenchars' })).toMatchObject({ ok: false });
    expect(checkSetup({ ...good, password: 'twelve chars', again: 'twelve chars' }).ok).toBe(true);
  });

  it('needs the same password twice', () => {
    expect(checkSetup({ ...good, again: 'correct horse battery!' })).toEqual({
      ok: false,
      message: "The two passwords aren't the same. Type it again in both boxes.",
    });
  });
});
