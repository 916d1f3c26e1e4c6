import { useCallback, useEffect, useState } from 'react';
import {
  acquireLocalMedia,
  listMediaDevices,
  stopStream,
  type MediaChoice,
  type MediaDevices,
  type MediaProblem,
} from './local-media';

export type LocalMediaStatus = 'starting' | 'ready' | 'failed' | 'stopped';

export interface LocalMedia {
  status: LocalMediaStatus;
  stream: MediaStream | null;
  /** Set when something went wrong; may accompany a stream (e.g. sound only). */
  problem: MediaProblem | null;
  devices: MediaDevices;
  cameraId: string | null;
  microphoneId: string | null;
  selectCamera: (deviceId: string) => void;
  selectMicrophone: (deviceId: string) => void;
  retry: () => void;
}

interface Acquired {
  status: LocalMediaStatus;
  stream: MediaStream | null;
  problem: MediaProblem | null;
}

function trackDeviceId(stream: MediaStream | null, kind: 'audio' | 'video'): string | null {
  const track = kind === 'audio' ? stream?.getAudioTracks()[0] : stream?.getVideoTracks()[0];
  return track?.getSettings().deviceId ?? null;
}

/**
 * Owns the camera and microphone while a session screen is open. `active`
 * false (or unmounting) stops the tracks, so the camera light goes off as soon
 * as the child is done.
 */
export function useLocalMedia(active: boolean): LocalMedia {
  const [choice, setChoice] = useState<MediaChoice>({ cameraId: null, microphoneId: null });
  const [attempt, setAttempt] = useState(0);
  const [acquired, setAcquired] = useState<Acquired>({ status: 'starting', stream: null, problem: null });
  const [devices, setDevices] = useState<MediaDevices>({ cameras: [], microphones: [] });

  useEffect(() => {
    if (!active) {
      setAcquired({ status: 'stopped', stream: null, problem: null });
      return;
    }
    let cancelled = false;
    let stream: MediaStream | null = null;
    setAcquired({ status: 'starting', stream: null, problem: null });
    void acquireLocalMedia(choice).then((outcome) => {
      if (cancelled) {
        if (outcome.ok) stopStream(outcome.stream);
        return;
      }
      if (!outcome.ok) {
        setAcquired({ status: 'failed', stream: null, problem: outcome.problem });
        return;
      }
      stream = outcome.stream;
      setAcquired({ status: 'ready', stream, problem: outcome.problem });
      listMediaDevices().then(
        (list) => !cancelled && setDevices(list),
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      // iPad allows one camera capture at a time: release before the next request.
      stopStream(stream);
    };
  }, [active, choice, attempt]);

  // Headsets and USB cameras come and go; keep the pickers honest.
  useEffect(() => {
    if (acquired.status !== 'ready' || !navigator.mediaDevices) return;
    const refresh = () => {
      listMediaDevices().then(setDevices, () => undefined);
    };
    navigator.mediaDevices.addEventListener('devicechange', refresh);
    return () => navigator.mediaDevices.removeEventListener('devicechange', refresh);
  }, [acquired.status]);

  const selectCamera = useCallback((cameraId: string) => setChoice((c) => ({ ...c, cameraId })), []);
  const selectMicrophone = useCallback((microphoneId: string) => setChoice((c) => ({ ...c, microphoneId })), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    ...acquired,
    devices,
    cameraId: trackDeviceId(acquired.stream, 'video'),
    microphoneId: trackDeviceId(acquired.stream, 'audio'),
    selectCamera,
    selectMicrophone,
    retry,
  };
}
