import { ConfigError, loadConfig } from './config/config.js';
import { DataDirLockedError } from './infra/db/data-dir-lock.js';
import { DatabaseLoginTooPowerfulError } from './infra/db/database.js';
import { createLogger } from './infra/log/logger.js';
import { startServer } from './server.js';
import { serverClock } from './infra/time/system-clock.js';
import { printDemoWelcome } from './demo/demo-welcome.js';
import { firstAdminHelp } from './cli/create-admin.js';
import { handBackUnusedHeap } from './infra/lifecycle/hand-back-memory.js';

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Peerbridge cannot start.\n${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const config = loadConfigOrExit();
const log = createLogger(config.logLevel);

try {
  const server = await startServer(config, log, serverClock(config.clockStart));
  if (server.demo) printDemoWelcome(server.url, server.demo);
  if (server.needsFirstAdmin) process.stdout.write(`${firstAdminHelp(server.url)}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'SignalReceived');
    const force = setTimeout(() => {
      log.error({ step: server.shutdownStep() }, 'ShutdownTimedOut');
      process.exit(1);
    }, 15_000);
    force.unref();
    server
      .close()
      .then(() => log.flush(() => process.exit(0)))
      .catch((err: unknown) => {
        log.error({ err }, 'ShutdownFailed');
        log.flush(() => process.exit(1));
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // Start-up's garbage and grown young generation would otherwise stay resident for as long as the server is
  // idle. After the signal handlers, so a stop that comes meanwhile is still a graceful one.
  const rssBeforeMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  await handBackUnusedHeap().then(
    () => log.debug({ rssBeforeMb, rssAfterMb: Math.round(process.memoryUsage.rss() / 2 ** 20) }, 'StartupHeapHandedBack'),
    (err: unknown) => log.warn({ err }, 'StartupHeapNotHandedBack'),
  );
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`Peerbridge cannot start.\n${error.message}\n`);
    process.exit(75);
  }
  if (error instanceof DatabaseLoginTooPowerfulError) {
    process.stderr.write(`Peerbridge cannot start.\n${error.message}\n`);
    process.exit(78);
  }
  log.fatal({ err: error }, 'StartupFailed');
  log.flush(() => process.exit(1));
}
