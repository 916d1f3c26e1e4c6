import { defineConfig } from 'vitest/config';
import { reactToPreact } from './client/react-compat.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The client's tests render with what ships: preact/compat in React's place (client/react-compat.ts).
          alias: reactToPreact,
          // TanStack Query is loaded through Vite too, so its React imports take the same aliases.
          server: { deps: { inline: [/@tanstack\/react-query/] } },
          include: ['{server,shared,client}/src/**/*.test.{ts,tsx}', 'bench/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.int.test.ts'],
          environment: 'node',
          // Real database, real media workers: give them room, and run files one at a time on 2 cores.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
