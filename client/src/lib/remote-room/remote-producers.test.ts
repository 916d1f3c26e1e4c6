import type { ProducerInfo } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { fakeTrack } from '../../test-support/fake-media';
import { RemoteProducers } from './remote-producers';

const ME = '00000000-0000-4000-8000-000000000001';
const PARTNER = '00000000-0000-4000-8000-000000000002';

function producer(id: string, kind: 'audio' | 'video', participantId = PARTNER, paused = false): ProducerInfo {
  return { producerId: id, kind, participantId, paused };
}

describe('RemoteProducers', () => {
  it('ignores our own producers and duplicates', () => {
    const remote = new RemoteProducers();
    expect(remote.add(producer('p1', 'audio', ME), ME)).toBeNull();
    expect(remote.add(producer('p2', 'audio'), ME)).not.toBeNull();
    expect(remote.add(producer('p2', 'audio'), ME)).toBeNull();
  });

  it('shows nothing until a consumer track exists', () => {
    const remote = new RemoteProducers();
    remote.add(producer('p1', 'video'), ME);
    expect(remote.snapshot()).toMatchObject({ videoTrack: null, cameraOff: false });
  });

  it('reflects tracks and pause state', () => {
    const remote = new RemoteProducers();
    const audio = remote.add(producer('a', 'audio'), ME)!;
    const video = remote.add(producer('v', 'video', PARTNER, true), ME)!;
    audio.track = fakeTrack('ta');
    video.track = fakeTrack('tv');
    expect(remote.snapshot()).toEqual({
      audioTrack: audio.track,
      videoTrack: video.track,
      micOff: false,
      cameraOff: true,
      cameraPaused: false,
    });
    remote.setPaused('a', true);
    remote.setPaused('v', false);
    expect(remote.snapshot()).toMatchObject({ micOff: true, cameraOff: false });
  });

  it('tells a camera paused in the background from one turned off, and follows the latest', () => {
    const remote = new RemoteProducers();
    remote.add(producer('v', 'video'), ME);
    remote.setPaused('v', true, 'background');
    expect(remote.snapshot()).toMatchObject({ cameraOff: false, cameraPaused: true });
    remote.setPaused('v', true, 'user');
    expect(remote.snapshot()).toMatchObject({ cameraOff: true, cameraPaused: false });
    remote.setPaused('v', false, 'background');
    expect(remote.snapshot()).toMatchObject({ cameraOff: false, cameraPaused: false });
  });

  it('shows a camera announced as paused in the background as paused, not off', () => {
    const remote = new RemoteProducers();
    remote.add({ ...producer('v', 'video', PARTNER, true), pausedReason: 'background' }, ME);
    expect(remote.snapshot()).toMatchObject({ cameraOff: false, cameraPaused: true });
  });

  it('forgets closed producers, and knows a replaced entry is stale', () => {
    const remote = new RemoteProducers();
    const first = remote.add(producer('v', 'video'), ME)!;
    remote.delete('v');
    expect(remote.isCurrent(first)).toBe(false);
    expect(remote.setPaused('v', true)).toBe(false);
    const second = remote.add(producer('v', 'video'), ME)!;
    expect(remote.isCurrent(first)).toBe(false);
    expect(remote.isCurrent(second)).toBe(true);
  });

  it('lists a participant’s producers for when they leave', () => {
    const remote = new RemoteProducers();
    remote.add(producer('a', 'audio'), ME);
    remote.add(producer('v', 'video'), ME);
    expect(remote.producerIdsOf(PARTNER).sort()).toEqual(['a', 'v']);
    expect(remote.producerIdsOf(ME)).toEqual([]);
  });

  it('keeps two people apart for a screen that shows both', () => {
    const remote = new RemoteProducers();
    remote.add(producer('v1', 'video', ME), null)!.track = fakeTrack('t1');
    const other = remote.add(producer('v2', 'video', PARTNER, true), null)!;
    other.track = fakeTrack('t2');
    expect(remote.snapshotOf(ME)).toMatchObject({ videoTrack: { id: 't1' }, cameraOff: false });
    expect(remote.snapshotOf(PARTNER)).toMatchObject({ videoTrack: { id: 't2' }, cameraOff: true, audioTrack: null });
    expect(remote.snapshotOf('someone-else')).toEqual({ audioTrack: null, videoTrack: null, micOff: false, cameraOff: false, cameraPaused: false });
  });
});
