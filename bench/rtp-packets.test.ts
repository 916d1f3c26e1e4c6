import { describe, expect, it } from 'vitest';
import {
  AudioStream,
  isForwardedMedia,
  isRtcp,
  OPUS_PAYLOAD_TYPE,
  VIDEO_KEYFRAME_EVERY,
  VIDEO_PACKET_BYTES,
  VIDEO_PACKETS_PER_FRAME,
  VideoStream,
  VP8_PAYLOAD_TYPE,
} from './rtp-packets.js';

const header = (packet: Buffer) => ({
  version: packet[0]! >> 6,
  marker: (packet[1]! & 0x80) !== 0,
  payloadType: packet[1]! & 0x7f,
  sequence: packet.readUInt16BE(2),
  timestamp: packet.readUInt32BE(4),
  ssrc: packet.readUInt32BE(8),
});

describe('synthetic RTP', () => {
  it('gives audio consecutive sequence numbers and 20 ms of 48 kHz timestamp per packet', () => {
    const audio = new AudioStream(77);
    const [a, b] = [header(audio.next()), header(audio.next())];
    expect(a).toMatchObject({ version: 2, marker: false, payloadType: OPUS_PAYLOAD_TYPE, ssrc: 77 });
    expect(b.sequence).toBe((a.sequence + 1) & 0xffff);
    expect((b.timestamp - a.timestamp) >>> 0).toBe(960);
  });

  it('sends a video frame as packets sharing a timestamp, the marker on the last only', () => {
    const frame = new VideoStream(88).nextFrame().map(header);
    expect(frame).toHaveLength(VIDEO_PACKETS_PER_FRAME);
    expect(new Set(frame.map((p) => p.timestamp)).size).toBe(1);
    expect(frame.map((p) => p.marker)).toEqual([false, false, false, true]);
    expect(frame.every((p) => p.payloadType === VP8_PAYLOAD_TYPE && p.ssrc === 88)).toBe(true);
  });

  it('marks the start of each frame in the VP8 descriptor and a key frame once per key-frame interval', () => {
    const video = new VideoStream(99);
    const frames = Array.from({ length: VIDEO_KEYFRAME_EVERY + 1 }, () => video.nextFrame());
    const first = frames[0]!;
    expect(first[0]!.length).toBe(VIDEO_PACKET_BYTES);
    // X bit always (mediasoup ignores a descriptor without it), S bit on the first packet only.
    expect(first.map((p) => p[12]! & 0x90)).toEqual([0x90, 0x80, 0x80, 0x80]);
    const keyFrame = (frame: Buffer[]) => (frame[0]![16]! & 0x01) === 0;
    expect(frames.map(keyFrame)).toEqual(frames.map((_, i) => i % VIDEO_KEYFRAME_EVERY === 0));
    const pictureIds = frames.slice(0, 2).map((f) => f[0]!.readUInt16BE(14) & 0x7fff);
    expect(pictureIds[1]).toBe((pictureIds[0]! + 1) & 0x7fff);
  });

  it('counts forwarded media only: not RTCP, not the SFU bandwidth probes', () => {
    const media = new AudioStream(5).next();
    const receiverReport = Buffer.from([0x81, 201, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0]);
    const probe = Buffer.from(media);
    probe.writeUInt32BE(1234, 8);
    expect(isRtcp(receiverReport)).toBe(true);
    expect([media, receiverReport, probe].map(isForwardedMedia)).toEqual([true, false, false]);
  });
});
