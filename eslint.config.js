import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const onlyMediaSpeaksMediasoup = { group: ['mediasoup', 'mediasoup/*'], message: 'Only server/src/media may import mediasoup.' };

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'server/drizzle/**', 'e2e/test-results/**', 'e2e/playwright-report/**', 'data/**', '.cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Nothing reads the wall clock except the clock modules: the server, the demo data and
    // every test run at an instant they are handed, so the suite passes at any time of day.
    files: ['**/*.{ts,tsx}'],
    ignores: ['server/src/infra/time/**', 'client/src/lib/clock.ts', '**/test-support/**', 'e2e/support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read time from the injected Clock (server) or lib/clock.ts (client), not Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read time from the injected Clock (server) or lib/clock.ts (client), not new Date().',
        },
        {
          selector: "MemberExpression[object.name='Temporal'][property.name='Now']",
          message: 'Read time from the injected Clock, not Temporal.Now.',
        },
      ],
    },
  },
  {
    // Measurements in the browser tests are printed for people to read.
    files: ['e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Only the media adapter may speak mediasoup.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/media/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyMediaSpeaksMediasoup] }] },
  },
  {
    // Domain rules stay pure: no transport, media, database or logging in here.
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'express-*', 'socket.io', 'socket.io-*', '@socket.io/*', 'mediasoup', 'mediasoup/*'],
              message: 'Domain code must not depend on transports or media.',
            },
            {
              group: ['pg', 'pg-*', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'redis', 'pino', 'pino-*'],
              message: 'Domain code must not depend on the database or the logger.',
            },
            {
              group: ['**/infra/**', '**/transport/**', '**/media/**', '**/services/**', 'node:fs', 'node:net', 'node:http'],
              message: 'Domain code must not reach into the layers around it.',
            },
            {
              // server/src/errors.ts is the application's error type, mapped to HTTP and socket acks.
              regex: '^(\\.\\./)+errors(\\.js)?$',
              message: 'Domain code must not throw the application error type (server/src/errors.ts): return a result or use an error of its own.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services sit below the transports and reach the SFU only through MediaPort.
    files: ['server/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyMediaSpeaksMediasoup,
            { group: ['**/transport/**', 'express', 'express-*', 'socket.io', 'socket.io-*'], message: 'Services must not depend on a transport.' },
            { group: ['**/media/**', '!**/media/media-port.js'], message: 'Services reach the media layer only through media/media-port.ts (MediaPort).' },
          ],
        },
      ],
    },
  },
  {
    // Routes and socket handlers parse, call a service and answer; the database and the SFU are the services' business.
    files: ['server/src/transport/**/*.ts', 'server/src/app.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyMediaSpeaksMediasoup,
            {
              group: ['**/infra/**', '**/media/**', '!**/media/media-port.js'],
              message: 'Transports call services; they do not reach infra/ or media/ (beyond the MediaPort types).',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files: a source file past 400 lines is doing more than one job.
    files: ['**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // The client's API files call the shared contract; a schema of their own would drift from it.
    files: ['client/src/**/*-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', allowTypeImports: true, message: 'API files use the shared endpoints and schemas (@peerbridge/shared), not schemas of their own.' }] },
      ],
    },
  },
);
