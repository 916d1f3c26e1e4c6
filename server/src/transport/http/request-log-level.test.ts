import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLogLevel } from './request-log-level.js';

const answered = (url: string, statusCode: number) => [{ url, originalUrl: url } as unknown as IncomingMessage, { statusCode } as ServerResponse] as const;

describe('the level a request is logged at', () => {
  it("logs an iPad's answered poll only at debug, and anything refused, failed or else at info", () => {
    for (const [level, routine] of [
      ['info', 'silent'],
      ['debug', 'debug'],
    ] as const) {
      const levelOf = requestLogLevel(pino({ level }));
      expect(levelOf(...answered('/api/device/sessions/today', 200))).toBe(routine);
      expect(levelOf(...answered('/api/device/sessions/today?x=1', 304))).toBe(routine);
      expect(levelOf(...answered('/api/device/sessions/today', 401))).toBe('info');
      const [req, res] = answered('/api/device/sessions/today', 200);
      expect(levelOf(req, res, new Error('broken pipe'))).toBe('info');
      expect(levelOf(...answered('/api/device/sessions/sign-in', 200))).toBe('info');
    }
  });
});
