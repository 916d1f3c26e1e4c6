import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../test-support/log-capture.js';
import { MediasoupMedia } from './mediasoup-media.js';

const options = (rtcPort: number) => ({
  workers: 1,
  listenIp: '127.0.0.1',
  announcedAddress: undefined,
  rtcPort,
  logLevel: 'warn' as const,
});
const randomPort = () => 41000 + Math.floor(Math.random() * 8000);

describe('the mediasoup worker pool', () => {
  let media: MediasoupMedia | undefined;
  afterEach(async () => {
    await media?.close();
    media = undefined;
  });

  it('gives two concurrent openers of one session the same router', async () => {
    media = await MediasoupMedia.start(options(randomPort()), capturingLogger().log);
    const [a, b] = await Promise.all([media.openRoom('session-1'), media.openRoom('session-1')]);
    expect(a).toBe(b);
    expect(await media.openRoom('session-2')).not.toBe(a);
  });

  it('replaces a worker that dies, logs it, and reports the rooms it took with it', async () => {
    const { log, lines } = capturingLogger();
    media = await MediasoupMedia.start(options(randomPort()), log);
    const lost: string[] = [];
    media.onRoomLost((roomId) => lost.push(roomId));
    const room = await media.openRoom('session-1');
    const [pid] = media.workerPids();

    process.kill(pid!, 'SIGKILL');

    await expect.poll(() => lost).toEqual(['session-1']);
    expect(room.closed).toBe(true);
    expect(lines.find((l) => l.msg === 'MediaWorkerDied')).toMatchObject({ level: 50, pid });
    expect(lines.find((l) => l.msg === 'MediaRoomLost')).toMatchObject({ roomId: 'session-1' });
    await expect.poll(() => media!.health(), { timeout: 10_000 }).toEqual({ workersAlive: 1, workersExpected: 1 });
    expect(media.workerPids()[0]).not.toBe(pid);
    expect(lines.some((l) => l.msg === 'MediaWorkerReplaced')).toBe(true);
    // The replacement serves new sessions on the same port.
    const fresh = await media.openRoom('session-1');
    expect(fresh.closed).toBe(false);
  });

  it('refuses to start with a clear message when its port is taken', async () => {
    const port = randomPort();
    media = await MediasoupMedia.start(options(port), capturingLogger().log);
    await expect(MediasoupMedia.start(options(port), capturingLogger().log)).rejects.toThrow(
      new RegExp(`could not listen on port ${port}`),
    );
  });
});
