import { useEffect, useRef, useState } from 'react';
import { audioUnlock } from './audio-unlock';

/**
 * Plays a remote audio stream in an <audio> element. iPad Safari refuses sound
 * that did not start from a tap, so `blocked` says when to ask for one and
 * `unlock` is what that tap calls; any tap on the screen plays it too (audio-unlock).
 */
export function useRemoteAudio(stream: MediaStream | null) {
  const ref = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    const unregister = audioUnlock.register(audio);
    const playing = () => setBlocked(false);
    audio.addEventListener('playing', playing);
    return () => {
      unregister();
      audio.removeEventListener('playing', playing);
    };
  }, []);

  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    if (!stream) return;
    audio.play().then(
      () => setBlocked(false),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError') setBlocked(true);
      },
    );
  }, [stream]);

  const unlock = () => {
    ref.current?.play().then(
      () => setBlocked(false),
      () => undefined,
    );
  };

  return { ref, blocked, unlock };
}
