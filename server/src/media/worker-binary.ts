import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where mediasoup will look for its worker, so a missing build is reported plainly at start-up. */
export function mediasoupWorkerBinary(): string {
  if (process.env.MEDIASOUP_WORKER_BIN) return process.env.MEDIASOUP_WORKER_BIN;
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('mediasoup/package.json'));
  return path.join(packageDir, 'worker', 'out', 'Release', 'mediasoup-worker');
}

export function assertWorkerBinaryPresent(): void {
  const binary = mediasoupWorkerBinary();
  if (!fs.existsSync(binary)) {
    throw new Error(
      `The mediasoup worker is not built (looked for ${binary}). Run \`npm run setup\`, which builds it offline.`,
    );
  }
}
