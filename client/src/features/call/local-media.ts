/*
 * Camera and microphone for the session screens. The stream is acquired once
 * on pre-join and handed to the call, so joining costs no second permission
 * prompt and no camera restart.
 */

export interface MediaChoice {
  cameraId: string | null;
  microphoneId: string | null;
}

export type MediaProblemKind = 'denied' | 'not-found' | 'no-camera' | 'busy' | 'insecure' | 'unknown';

export interface MediaProblem {
  kind: MediaProblemKind;
  title: string;
  advice: string;
}

// 640x360 (school Wi-Fi budget), which simulcast halves for its 180p layer; asking for
// 16:9 too keeps a 4:3 camera from handing over 640x480. 24–30 fps is smooth enough for faces.
const CAMERA: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  aspectRatio: { ideal: 16 / 9 },
  frameRate: { ideal: 24, max: 30 },
};

const MICROPHONE: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export function buildConstraints(choice: MediaChoice, want: { audio: boolean; video: boolean }): MediaStreamConstraints {
  return {
    audio: want.audio
      ? { ...MICROPHONE, ...(choice.microphoneId ? { deviceId: { exact: choice.microphoneId } } : {}) }
      : false,
    video: want.video
      ? { ...CAMERA, ...(choice.cameraId ? { deviceId: { exact: choice.cameraId } } : { facingMode: 'user' }) }
      : false,
  };
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/** Turns a getUserMedia failure into words a fifteen-year-old (or a teacher) can act on. */
export function describeMediaError(error: unknown): MediaProblem {
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        title: "Peerbridge isn't allowed to use the camera and microphone",
        advice:
          'Tap Try again and choose Allow. If the iPad doesn’t ask, a member of staff can allow the camera and microphone for this website in Safari’s settings.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'not-found',
        title: "We can't find a camera or microphone",
        advice: 'Check that nothing is covering or unplugged, then tap Try again. If it still fails, ask a member of staff.',
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'busy',
        title: 'The camera or microphone is busy',
        advice: 'Close other apps that use the camera (like FaceTime or Camera), then tap Try again.',
      };
    case 'InsecureContext':
      return {
        kind: 'insecure',
        title: "This page can't use the camera",
        advice: 'Peerbridge must be opened with a secure (https) address. Ask a member of staff.',
      };
    default:
      return {
        kind: 'unknown',
        title: "The camera and microphone didn't start",
        advice: 'Tap Try again. If it keeps happening, restart the iPad or ask a member of staff.',
      };
  }
}

export const NO_CAMERA_PROBLEM: MediaProblem = {
  kind: 'no-camera',
  title: 'No camera found',
  advice: 'You can still join and talk; your partner won’t see you.',
};

export type AcquireResult = { ok: true; stream: MediaStream; problem: MediaProblem | null } | { ok: false; problem: MediaProblem };

/**
 * Asks for camera and microphone. A chosen device that has disappeared falls
 * back to the default one; a missing camera falls back to sound only.
 */
export async function acquireLocalMedia(choice: MediaChoice): Promise<AcquireResult> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { ok: false, problem: describeMediaError({ name: 'InsecureContext' }) };
  }
  const get = (c: MediaChoice, want: { audio: boolean; video: boolean }) =>
    navigator.mediaDevices.getUserMedia(buildConstraints(c, want));
  try {
    return { ok: true, stream: await get(choice, { audio: true, video: true }), problem: null };
  } catch (error) {
    const problem = describeMediaError(error);
    if (problem.kind !== 'not-found') return { ok: false, problem };
    if (choice.cameraId || choice.microphoneId) {
      try {
        const blank = { cameraId: null, microphoneId: null };
        return { ok: true, stream: await get(blank, { audio: true, video: true }), problem: null };
      } catch {
        // Fall through to sound only.
      }
    }
    try {
      const audioOnly = await get({ cameraId: null, microphoneId: null }, { audio: true, video: false });
      return { ok: true, stream: audioOnly, problem: NO_CAMERA_PROBLEM };
    } catch {
      return { ok: false, problem };
    }
  }
}

/**
 * A new camera track like one the browser stopped (iPad Safari does in the background): the same
 * camera when it is still there, else the front camera.
 */
export async function reacquireCamera(like: MediaStreamTrack): Promise<MediaStreamTrack> {
  const cameraId = like.getSettings().deviceId ?? null;
  const get = async (choice: MediaChoice) => {
    const stream = await navigator.mediaDevices.getUserMedia(buildConstraints(choice, { audio: false, video: true }));
    const track = stream.getVideoTracks()[0];
    if (!track) throw new DOMException('no camera track', 'NotFoundError');
    return track;
  };
  try {
    return await get({ cameraId, microphoneId: null });
  } catch (error) {
    if (!cameraId) throw error;
    return get({ cameraId: null, microphoneId: null });
  }
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export interface MediaDevices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/** Labels are only filled in after permission, which is why this runs after acquiring. */
export async function listMediaDevices(): Promise<MediaDevices> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const usable = devices.filter((d) => d.deviceId !== '');
  return {
    cameras: usable.filter((d) => d.kind === 'videoinput'),
    microphones: usable.filter((d) => d.kind === 'audioinput'),
  };
}
