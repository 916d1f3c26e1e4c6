import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { DatabaseTarget } from '../infra/db/database.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    // 0 asks the OS for a free port (tests).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** The server's own login (PostgreSQL); unset: the embedded database. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    /** The tables' owner, used only to run migrations (and to grant peerbridge_app to the DATABASE_URL login). */
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    /** Development only: let DATABASE_URL be the owner or a superuser (and run the migrations too). */
    ALLOW_PRIVILEGED_DATABASE_LOGIN: flag,
    DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
    /** The embedded database's buffer pool (PostgreSQL's shared_buffers) in MB; all of it stays resident. */
    PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).optional(),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** The Ed25519 private key (PEM) that signs session logs; unset: generated in DATA_DIR/log-signing. */
    LOG_SIGNING_KEY: optionalText.pipe(z.string().regex(/-----BEGIN PRIVATE KEY-----/, 'must be a PEM private key (PKCS#8)').optional()),
    /** Public keys (PEM) of retired signing keys, so what they signed still verifies. */
    LOG_SIGNING_PUBLIC_KEYS: optionalText.pipe(z.string().regex(/-----BEGIN PUBLIC KEY-----/, 'must hold PEM public keys').optional()),
    MEDIA_WORKERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
    MEDIA_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('127.0.0.1'),
    MEDIA_ANNOUNCED_ADDRESS: optionalText,
    MEDIA_RTC_PORT: port.default(40000),
    MEDIA_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
    TURN_URLS: optionalText,
    TURN_SECRET: optionalText,
    CLIENT_DIST: z.string().default(path.join(repoRoot, 'client', 'dist')),
    DEMO: flag,
    /** Requests per minute per address to /api; a whole school shares one address, so it is generous. */
    API_RATE_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(1200),
    TRUST_PROXY: flag,
    /**
     * Origins (besides the one each request names in its Host) whose pages may send
     * state-changing staff requests: the public address when a reverse proxy rewrites Host.
     */
    ALLOWED_ORIGINS: optionalText.pipe(
      z
        .string()
        .transform((v, ctx) => {
          const origins: string[] = [];
          for (const item of v.split(',').map((o) => o.trim()).filter(Boolean)) {
            let url: URL | undefined;
            try {
              url = new URL(item);
            } catch {
              url = undefined;
            }
            if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
              ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin such as https://peerbridge.school.example` });
              return z.NEVER;
            }
            origins.push(url.origin);
          }
          return origins;
        })
        .optional(),
    ),
    /**
     * Failed sign-ins per minute per address before that address waits (staff passwords, student PINs).
     * A whole school shares one address, and the real guard is per account and per iPad, so these sit
     * far above a school's worst morning of typos.
     */
    STAFF_SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(300),
    STUDENT_SIGN_IN_ADDRESS_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(600),
    /** Requests per minute per address to the subscribed calendar feeds (/calendar): calendar apps poll, people do not. */
    CALENDAR_FEED_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(60),
    /** Tries per minute per address at a one-time code (an iPad's enrolment code, a new account's set-up code): nobody types one twice a minute. */
    ONE_TIME_CODE_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10),
    /**
     * Realtime events per connection: a burst of this many, refilled at SOCKET_EVENTS_PER_SECOND. A join
     * and its media set-up is about a dozen events; a runaway or hostile client is slowed, not the server.
     */
    SOCKET_EVENT_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
    SOCKET_EVENTS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(30),
    /** A staff session with no request for this long is over (server-side). */
    STAFF_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** Whether DSLs must pass a second factor before reading concerns, chronologies and evidence. */
    STAFF_STEP_UP: z.enum(['required', 'off']).optional(),
    /**
     * The periodic jobs (retention purge, attendance sweep, finishing gradual exits). On by default; off by
     * default under NODE_ENV=test, where integration tests drive each job themselves and a browser journey
     * that moves the clock on turns them on.
     */
    BACKGROUND_JOBS: z.enum(['on', 'off']).optional(),
    /** How long one step-up lasts within the session. */
    STAFF_STEP_UP_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    /**
     * The mail server notifications go through, e.g. smtp://user:pass@mail.school.example:587 or smtps://…:465.
     * Unset: no email is sent; notifications stay in the app's notice lists and live alerts.
     */
    SMTP_URL: optionalText.pipe(
      z
        .string()
        .refine((v) => {
          try {
            const url = new URL(v);
            return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
          } catch {
            return false;
          }
        }, 'must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465')
        .optional(),
    ),
    /** Who notification emails come from: an address, or "Name <address>". */
    MAIL_FROM: optionalText.pipe(
      z
        .string()
        .regex(/^(?:[^<>@\r\n]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address such as peerbridge@school.example or "Peerbridge <peerbridge@school.example>"')
        .optional(),
    ),
    /** The address staff open Peerbridge at (the links in emails), e.g. https://peerbridge.school.example. */
    PUBLIC_URL: optionalText.pipe(
      z
        .string()
        .refine((v) => {
          try {
            const url = new URL(v);
            return ['http:', 'https:'].includes(url.protocol) && url.search === '' && url.hash === '';
          } catch {
            return false;
          }
        }, 'must be an http(s) address such as https://peerbridge.school.example')
        .transform((v) => v.replace(/\/+$/, ''))
        .optional(),
    ),
    /** Tests only: the instant the server's clock starts at (it then moves with real time). */
    CLOCK_START: optionalText.pipe(
      z
        .string()
        .transform((v, ctx) => {
          try {
            return Temporal.Instant.from(v);
          } catch {
            ctx.addIssue({ code: 'custom', message: 'must be an ISO instant such as 2026-12-01T09:16:00Z' });
            return z.NEVER;
          }
        })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    if (env.DATABASE_URL && !env.MIGRATION_DATABASE_URL && !env.ALLOW_PRIVILEGED_DATABASE_LOGIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message:
          "is required with DATABASE_URL: migrations run as the tables' owner, the server as a separate login that cannot alter the logs " +
          '(ALLOW_PRIVILEGED_DATABASE_LOGIN=1 lets one login do both on a development database)',
      });
    }
    if (env.ALLOW_PRIVILEGED_DATABASE_LOGIN && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['ALLOW_PRIVILEGED_DATABASE_LOGIN'], message: 'is for development databases only, never production' });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'needs DATABASE_URL (the embedded database has no logins)' });
    }
    if (env.MEDIA_LISTEN_IP === '0.0.0.0' && !env.MEDIA_ANNOUNCED_ADDRESS) {
      ctx.addIssue({
        code: 'custom',
        path: ['MEDIA_ANNOUNCED_ADDRESS'],
        message: 'is required when MEDIA_LISTEN_IP is 0.0.0.0 (browsers need an address they can reach)',
      });
    }
    if (env.TURN_URLS && !env.TURN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TURN_SECRET'], message: 'is required when TURN_URLS is set' });
    }
    if (env.CLOCK_START && env.NODE_ENV !== 'test') {
      // A server whose clock is not the real one would open and close join windows at the wrong times.
      ctx.addIssue({ code: 'custom', path: ['CLOCK_START'], message: 'is for tests only (NODE_ENV=test)' });
    }
    if (env.NODE_ENV === 'production' && env.STAFF_STEP_UP === 'off') {
      // Children's safeguarding records behind a password alone is not an option a live school may choose.
      ctx.addIssue({ code: 'custom', path: ['STAFF_STEP_UP'], message: 'cannot be off in production' });
    }
    if (env.SMTP_URL && !env.PUBLIC_URL) {
      // An email that cannot say where to look is a worry, not a notification.
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required with SMTP_URL (the links in emails)' });
    }
    if (env.MEDIA_RTC_PORT + env.MEDIA_WORKERS - 1 > 65535) {
      ctx.addIssue({ code: 'custom', path: ['MEDIA_RTC_PORT'], message: 'leaves no room for one port per worker' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  database: DatabaseTarget;
  dataDir: string;
  redisUrl: string | undefined;
  sessionSecret: string | undefined;
  /** Where the session-log signing key comes from (never the database). */
  logSigning: { dir: string; privateKeyPem: string | undefined; retiredPublicKeysPem: string | undefined };
  media: {
    workers: number;
    listenIp: string;
    announcedAddress: string | undefined;
    /** Worker i listens on rtcPort + i, UDP and TCP. */
    rtcPort: number;
    logLevel: Env['MEDIA_LOG_LEVEL'];
  };
  turn: { urls: string[]; secret: string } | undefined;
  clientDist: string;
  demo: boolean;
  trustProxy: boolean;
  /** Extra origins allowed to send state-changing staff requests (see ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  apiRateLimitPerMinute: number;
  signInAddressLimits: { staffPerMinute: number; studentPerMinute: number };
  calendarFeedRateLimitPerMinute: number;
  oneTimeCodeTriesPerMinute: number;
  /** The token bucket every socket connection draws on, one token per event. */
  socketEventLimit: { burst: number; perSecond: number };
  staffSessions: {
    idleTimeout: Temporal.Duration;
    /** DSLs must pass a second factor before safeguarding records. */
    stepUpRequired: boolean;
    stepUpLasts: Temporal.Duration;
  };
  /** Notification email (SMTP_URL); undefined: none is sent. */
  mail: { smtpUrl: string; from: string; publicUrl: string } | undefined;
  /** Whether the periodic jobs run (BACKGROUND_JOBS). */
  backgroundJobs: boolean;
  /** Set only under NODE_ENV=test: the server's clock starts here instead of at the wall clock. */
  clockStart: Temporal.Instant | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once, at start-up; every problem is named, not just the first. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, migrationUrl: env.MIGRATION_DATABASE_URL, allowPrivilegedLogin: env.ALLOW_PRIVILEGED_DATABASE_LOGIN }
      : {
          kind: 'pglite',
          dataDir: path.join(env.DATA_DIR, 'pglite'),
          sharedBuffersMb: env.PGLITE_SHARED_BUFFERS_MB,
          initdbInChildProcess: true,
        },
    dataDir: env.DATA_DIR,
    redisUrl: env.REDIS_URL,
    sessionSecret: env.SESSION_SECRET,
    logSigning: {
      dir: path.join(env.DATA_DIR, 'log-signing'),
      privateKeyPem: env.LOG_SIGNING_KEY,
      retiredPublicKeysPem: env.LOG_SIGNING_PUBLIC_KEYS,
    },
    media: {
      workers: env.MEDIA_WORKERS,
      listenIp: env.MEDIA_LISTEN_IP,
      announcedAddress: env.MEDIA_ANNOUNCED_ADDRESS,
      rtcPort: env.MEDIA_RTC_PORT,
      logLevel: env.MEDIA_LOG_LEVEL,
    },
    turn:
      env.TURN_URLS && env.TURN_SECRET
        ? { urls: env.TURN_URLS.split(',').map((u) => u.trim()), secret: env.TURN_SECRET }
        : undefined,
    clientDist: env.CLIENT_DIST,
    demo: env.DEMO,
    trustProxy: env.TRUST_PROXY,
    allowedOrigins: env.ALLOWED_ORIGINS ?? [],
    apiRateLimitPerMinute: env.API_RATE_LIMIT,
    signInAddressLimits: { staffPerMinute: env.STAFF_SIGN_IN_ADDRESS_LIMIT, studentPerMinute: env.STUDENT_SIGN_IN_ADDRESS_LIMIT },
    calendarFeedRateLimitPerMinute: env.CALENDAR_FEED_RATE_LIMIT,
    oneTimeCodeTriesPerMinute: env.ONE_TIME_CODE_ADDRESS_LIMIT,
    socketEventLimit: { burst: env.SOCKET_EVENT_BURST, perSecond: env.SOCKET_EVENTS_PER_SECOND },
    staffSessions: {
      idleTimeout: Temporal.Duration.from({ minutes: env.STAFF_IDLE_TIMEOUT_MINUTES }),
      stepUpRequired: (env.STAFF_STEP_UP ?? (env.NODE_ENV === 'production' ? 'required' : 'off')) === 'required',
      stepUpLasts: Temporal.Duration.from({ minutes: env.STAFF_STEP_UP_MINUTES }),
    },
    mail:
      env.SMTP_URL && env.PUBLIC_URL
        ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? `Peerbridge <peerbridge@${new URL(env.PUBLIC_URL).hostname}>`, publicUrl: env.PUBLIC_URL }
        : undefined,
    backgroundJobs: (env.BACKGROUND_JOBS ?? (env.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
    clockStart: env.CLOCK_START,
  };
}
