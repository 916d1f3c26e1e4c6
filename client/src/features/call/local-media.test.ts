import { describe, expect, it } from 'vitest';
import { buildConstraints, describeMediaError } from './local-media';

describe('describeMediaError', () => {
  it('explains a refused permission', () => {
    const problem = describeMediaError({ name: 'NotAllowedError', message: 'Permission denied' });
    expect(problem.kind).toBe('denied');
    expect(problem.advice).toMatch(/Allow/);
  });

  it('explains a missing device', () => {
    expect(describeMediaError({ name: 'NotFoundError' }).kind).toBe('not-found');
    expect(describeMediaError({ name: 'OverconstrainedError' }).kind).toBe('not-found');
  });

  it('explains a device used by another app', () => {
    expect(describeMediaError({ name: 'NotReadableError' }).kind).toBe('busy');
  });

  it('never shows raw error text for the unknown', () => {
    const problem = describeMediaError(new Error('DOMException: weird internal thing'));
    expect(problem.kind).toBe('unknown');
    expect(problem.title).not.toMatch(/DOMException/);
  });
});

describe('buildConstraints', () => {
  it('asks for the front camera at 360p by default', () => {
    const c = buildConstraints({ cameraId: null, microphoneId: null }, { audio: true, video: true });
    expect(c.video).toMatchObject({ width: { ideal: 640 }, height: { ideal: 360 }, facingMode: 'user' });
    expect(c.audio).toMatchObject({ echoCancellation: true });
  });

  it('pins the chosen devices', () => {
    const c = buildConstraints({ cameraId: 'cam-2', microphoneId: 'mic-2' }, { audio: true, video: true });
    expect(c.video).toMatchObject({ deviceId: { exact: 'cam-2' } });
    expect(c.video).not.toHaveProperty('facingMode');
    expect(c.audio).toMatchObject({ deviceId: { exact: 'mic-2' } });
  });

  it('can ask for sound only', () => {
    expect(buildConstraints({ cameraId: null, microphoneId: null }, { audio: true, video: false }).video).toBe(false);
  });
});
