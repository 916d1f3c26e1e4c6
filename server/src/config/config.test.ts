import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts on the embedded database with safe defaults', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.port).toBe(3000);
    expect(config.media).toMatchObject({ listenIp: '127.0.0.1', rtcPort: 40000 });
  });

  it('gives the embedded database the buffer pool PGLITE_SHARED_BUFFERS_MB asks for, and initialises a new one in a child process', () => {
    expect(loadConfig({}).database).toMatchObject({ kind: 'pglite', sharedBuffersMb: undefined, initdbInChildProcess: true });
    expect(loadConfig({ PGLITE_SHARED_BUFFERS_MB: '64' }).database).toMatchObject({ kind: 'pglite', sharedBuffersMb: 64 });
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS_MB: 'lots' })).toThrow(/^ {2}- PGLITE_SHARED_BUFFERS_MB /m);
    expect(() => loadConfig({ PGLITE_SHARED_BUFFERS_MB: '0' })).toThrow(/PGLITE_SHARED_BUFFERS_MB/);
  });

  it('uses PostgreSQL with two logins: the server as DATABASE_URL, migrations as MIGRATION_DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@h:5432/db', MIGRATION_DATABASE_URL: 'postgres://owner@h:5432/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://app@h:5432/db',
      migrationUrl: 'postgres://owner@h:5432/db',
      allowPrivilegedLogin: false,
    });
  });

  it('refuses DATABASE_URL alone, naming MIGRATION_DATABASE_URL, unless a development override says one login does both', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' })).toThrow(/MIGRATION_DATABASE_URL is required with DATABASE_URL/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ALLOW_PRIVILEGED_DATABASE_LOGIN: '1' }).database).toMatchObject({ allowPrivilegedLogin: true });
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', ALLOW_PRIVILEGED_DATABASE_LOGIN: '1', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }),
    ).toThrow(/ALLOW_PRIVILEGED_DATABASE_LOGIN is for development databases only/);
  });

  it('names every bad value at once', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MEDIA_WORKERS: '0', NODE_ENV: 'production' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT /m);
      expect(problems).toMatch(/^DATABASE_URL must be a postgres:\/\//m);
      expect(problems).toMatch(/^MEDIA_WORKERS /m);
    }
  });

  it('requires a session secret in production and an announced address when listening on every interface', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/);
    expect(() => loadConfig({ MEDIA_LISTEN_IP: '0.0.0.0' })).toThrow(/MEDIA_ANNOUNCED_ADDRESS is required/);
    expect(loadConfig({ MEDIA_LISTEN_IP: '0.0.0.0', MEDIA_ANNOUNCED_ADDRESS: '203.0.113.5' }).media.announcedAddress).toBe('203.0.113.5');
  });

  it('takes extra allowed origins for a reverse proxy, and refuses anything that is not an origin', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://pb.school.example, http://localhost:5173' }).allowedOrigins).toEqual([
      'https://pb.school.example',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://pb.school.example/staff' })).toThrow(/ALLOWED_ORIGINS "https:\/\/pb.school.example\/staff" is not an origin/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'pb.school.example' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://pb.school.example' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('requires the DSL step-up in production, lets other environments choose, and validates the staff session settings', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) } as const;
    expect(loadConfig(production).staffSessions.stepUpRequired).toBe(true);
    expect(() => loadConfig({ ...production, STAFF_STEP_UP: 'off' })).toThrow(/STAFF_STEP_UP cannot be off in production/);
    expect(loadConfig({}).staffSessions.stepUpRequired).toBe(false);
    expect(loadConfig({ STAFF_STEP_UP: 'required' }).staffSessions.stepUpRequired).toBe(true);
    expect(() => loadConfig({ STAFF_STEP_UP: 'maybe' })).toThrow(/STAFF_STEP_UP/);
    expect(loadConfig({}).staffSessions.idleTimeout.total('minutes')).toBe(30);
    expect(loadConfig({ STAFF_IDLE_TIMEOUT_MINUTES: '10' }).staffSessions.idleTimeout.total('minutes')).toBe(10);
    expect(() => loadConfig({ STAFF_IDLE_TIMEOUT_MINUTES: '0' })).toThrow(/STAFF_IDLE_TIMEOUT_MINUTES/);
  });

  it('keeps per-address sign-in limits far above a school sharing one address, and refuses nonsense', () => {
    expect(loadConfig({}).signInAddressLimits).toEqual({ staffPerMinute: 300, studentPerMinute: 600 });
    expect(loadConfig({ STUDENT_SIGN_IN_ADDRESS_LIMIT: '2000' }).signInAddressLimits.studentPerMinute).toBe(2000);
    expect(() => loadConfig({ STAFF_SIGN_IN_ADDRESS_LIMIT: 'lots' })).toThrow(/STAFF_SIGN_IN_ADDRESS_LIMIT/);
    expect(() => loadConfig({ STUDENT_SIGN_IN_ADDRESS_LIMIT: '3' })).toThrow(/STUDENT_SIGN_IN_ADDRESS_LIMIT/);
  });

  it('takes every rate limit from the environment, defaulting to the numbers the server has always used', () => {
    expect(loadConfig({})).toMatchObject({
      apiRateLimitPerMinute: 1200,
      signInAddressLimits: { staffPerMinute: 300, studentPerMinute: 600 },
      calendarFeedRateLimitPerMinute: 60,
      oneTimeCodeTriesPerMinute: 10,
      socketEventLimit: { burst: 60, perSecond: 30 },
    });
    expect(loadConfig({ ONE_TIME_CODE_ADDRESS_LIMIT: '25' })).toMatchObject({ oneTimeCodeTriesPerMinute: 25 });
    expect(
      loadConfig({ CALENDAR_FEED_RATE_LIMIT: '120', SOCKET_EVENT_BURST: '100', SOCKET_EVENTS_PER_SECOND: '50' }),
    ).toMatchObject({ calendarFeedRateLimitPerMinute: 120, socketEventLimit: { burst: 100, perSecond: 50 } });
    expect(() => loadConfig({ SOCKET_EVENTS_PER_SECOND: '0', CALENDAR_FEED_RATE_LIMIT: 'lots' })).toThrow(
      /CALENDAR_FEED_RATE_LIMIT [\s\S]*SOCKET_EVENTS_PER_SECOND /,
    );
  });
});
