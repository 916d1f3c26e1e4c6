import { describe, expect, it } from 'vitest';
import { CameraKeeper, type KeptProducer } from './camera-keeper';

class FakeTrack extends EventTarget {
  readonly kind = 'video';
  readyState: 'live' | 'ended' = 'live';
  muted = false;
  enabled = true;
  constructor(readonly id: string) {
    super();
  }
  stop() {
    this.readyState = 'ended';
  }
  /** What Safari does to a camera in the background. */
  endByBrowser() {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeStream {
  constructor(public tracks: FakeTrack[]) {}
  getVideoTracks() {
    return this.tracks;
  }
  addTrack(t: FakeTrack) {
    this.tracks.push(t);
  }
  removeTrack(t: FakeTrack) {
    this.tracks = this.tracks.filter((x) => x !== t);
  }
}

class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  go(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

class FakeProducer implements KeptProducer {
  readonly id = 'video-producer';
  paused = false;
  closed = false;
  track: FakeTrack;
  constructor(track: FakeTrack) {
    this.track = track;
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  async replaceTrack({ track }: { track: MediaStreamTrack }) {
    this.track = track as unknown as FakeTrack;
  }
}

function harness(options: { failRestart?: boolean } = {}) {
  const first = new FakeTrack('camera-1');
  const stream = new FakeStream([first]);
  const page = new FakePage();
  const producer = new FakeProducer(first);
  const told: Array<[string, boolean]> = [];
  const state = { cameraWanted: true, restoreFailed: 0, made: 1 };
  const keeper = new CameraKeeper({
    page: page as unknown as Document,
    stream: () => stream as unknown as MediaStream,
    producer: () => producer,
    cameraWanted: () => state.cameraWanted,
    newCameraTrack: async () => {
      if (options.failRestart) throw new DOMException('busy', 'NotReadableError');
      return new FakeTrack(`camera-${++state.made}`) as unknown as MediaStreamTrack;
    },
    tellPaused: async (id, paused) => void told.push([id, paused]),
    onRestoreFailed: () => void state.restoreFailed++,
  });
  return { first, stream, page, producer, told, state, keeper };
}

describe('CameraKeeper', () => {
  it('pauses the camera for the partner in the background, and on return sends a new camera track', async () => {
    const h = harness();
    h.page.go('hidden');
    expect(h.producer.paused).toBe(true);
    expect(h.told).toEqual([['video-producer', true]]);
    h.first.endByBrowser();
    h.page.go('visible');
    await h.keeper.settled();
    const current = h.stream.getVideoTracks();
    expect(current.map((t) => t.id)).toEqual(['camera-2']);
    expect(h.producer.track.id).toBe('camera-2');
    expect(h.producer.paused).toBe(false);
    expect(h.told).toEqual([
      ['video-producer', true],
      ['video-producer', false],
    ]);
  });

  it('restores a camera Safari left muted rather than ended', async () => {
    const h = harness();
    h.page.go('hidden');
    h.first.muted = true;
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.first.readyState).toBe('ended');
    expect(h.producer.track.id).toBe('camera-2');
    expect(h.producer.paused).toBe(false);
  });

  it('just resumes when the camera survived the background', async () => {
    const h = harness();
    h.page.go('hidden');
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.producer.track).toBe(h.first);
    expect(h.producer.paused).toBe(false);
    expect(h.told.at(-1)).toEqual(['video-producer', false]);
  });

  it("keeps the child's camera-off choice: nothing is paused or resumed for them, the new track is off", async () => {
    const h = harness();
    h.state.cameraWanted = false;
    h.producer.paused = true;
    h.first.enabled = false;
    h.page.go('hidden');
    h.first.endByBrowser();
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.told).toEqual([]);
    expect(h.producer.paused).toBe(true);
    expect(h.producer.track.id).toBe('camera-2');
    expect(h.producer.track.enabled).toBe(false);
  });

  it('does not resume a camera turned off between the return and the restore', async () => {
    const h = harness();
    h.page.go('hidden');
    h.first.endByBrowser();
    h.state.cameraWanted = false;
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.producer.paused).toBe(true);
    expect(h.told).toEqual([['video-producer', true]]);
  });

  it('restores a camera that ends while the app is on screen', async () => {
    const h = harness();
    h.first.endByBrowser();
    await h.keeper.settled();
    expect(h.producer.track.id).toBe('camera-2');
    expect(h.told).toEqual([]);
  });

  it('says so when the camera cannot be restarted, and stops listening once stopped', async () => {
    const h = harness({ failRestart: true });
    h.page.go('hidden');
    h.first.endByBrowser();
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.state.restoreFailed).toBe(1);
    h.keeper.stop();
    h.page.go('hidden');
    h.page.go('visible');
    await h.keeper.settled();
    expect(h.state.restoreFailed).toBe(1);
    expect(h.told).toEqual([['video-producer', true]]);
  });
});
