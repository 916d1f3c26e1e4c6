import { describe, expect, it } from 'vitest';
import { CENSOR, scrubText, scrubUrl, scrubValue } from './scrub.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.C_9n9q6yKAxRT9F3BFsn3dwwnsrwuYKAzHsyErXYMUI';
const feed = 'VIB2qxpvcos1Nn3MrCOgtEhNDQv6hKKbziSUCq0KUJ8';

describe('scrubUrl', () => {
  it('keeps route words, ids and harmless query values, and censors everything else', () => {
    expect(scrubUrl(`/?device=${jwt}`)).toBe(`/?device=${CENSOR}`);
    expect(scrubUrl(`/calendar/${feed}.ics`)).toBe(`/calendar/${CENSOR}`);
    expect(scrubUrl('/api/staff/sessions/3f0c2a4e-8b1d-4c6e-9a7f-1234567890ab/log/verify')).toBe(
      '/api/staff/sessions/3f0c2a4e-8b1d-4c6e-9a7f-1234567890ab/log/verify',
    );
    expect(scrubUrl('/api/staff/import/students?dryRun=true&code=ABCD-EFGH-JKLM')).toBe(`/api/staff/import/students?dryRun=true&code=${CENSOR}`);
    expect(scrubUrl(`/api/x?${feed}`)).toBe(`/api/x?${CENSOR}`);
    expect(scrubUrl('/api/concerns/12/export.csv#top')).toBe('/api/concerns/12/export.csv');
    expect(scrubUrl('https://user:pass@host.example/a?token=1')).toBe(`https://${CENSOR}@host.example/a?token=${CENSOR}`);
  });
});

describe('scrubText', () => {
  it('censors tokens, bearer credentials, cookies and URLs inside sentences', () => {
    expect(scrubText(`No such endpoint: GET /api/device/${jwt}`)).toBe(`No such endpoint: GET /api/device/${CENSOR}`);
    expect(scrubText(`header was Bearer ${feed}, then pb_staff=${feed}; path=/`)).toBe(`header was Bearer ${CENSOR}, then pb_staff=${CENSOR}; path=/`);
    expect(scrubText(`fetched https://pb.example/calendar/${feed}.ics ok`)).toBe(`fetched https://pb.example/calendar/${CENSOR} ok`);
    expect(scrubText('Session joined')).toBe('Session joined');
  });
});

describe('scrubValue', () => {
  it('censors secret keys at any depth and keeps error codes', () => {
    const record = {
      msg: 'request completed',
      code: 'bad_request',
      req: { url: `/?device=${jwt}`, headers: { cookie: 'pb_staff=x', Authorization: 'Bearer y', referer: `https://pb.example/?device=${jwt}` } },
      res: { headers: { 'set-cookie': ['pb_staff=x; HttpOnly'] } },
      payload: { joinToken: jwt, pin: '8642', body: { code: 'ABCDE-FGHJK', password: 'hunter2 hunter2' } },
      handshake: { auth: { deviceToken: jwt } },
      err: { code: '23505', message: 'duplicate key', stack: `Error: GET /calendar/${feed}.ics\n    at f (/work/app/node_modules/x.js:1:2)` },
      list: [{ setup_code: 'ABCD-EFGH-JKLM' }],
    };
    expect(scrubValue(record)).toEqual({
      msg: 'request completed',
      code: 'bad_request',
      req: { url: `/?device=${CENSOR}`, headers: { cookie: CENSOR, Authorization: CENSOR, referer: `https://pb.example/?device=${CENSOR}` } },
      res: { headers: { 'set-cookie': CENSOR } },
      payload: { joinToken: CENSOR, pin: CENSOR, body: { code: CENSOR, password: CENSOR } },
      handshake: { auth: CENSOR },
      err: { code: '23505', message: 'duplicate key', stack: `Error: GET /calendar/${CENSOR}\n    at f (/work/app/node_modules/x.js:1:2)` },
      list: [{ setup_code: CENSOR }],
    });
  });

  it('keeps node error codes and censors a code that is not one', () => {
    expect(scrubValue({ code: 'ECONNREFUSED' })).toEqual({ code: 'ECONNREFUSED' });
    expect(scrubValue({ code: 'ERR_HTTP_HEADERS_SENT' })).toEqual({ code: 'ERR_HTTP_HEADERS_SENT' });
    expect(scrubValue({ code: 'abcdefghjk' })).toEqual({ code: CENSOR });
  });
});
