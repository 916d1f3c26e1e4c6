import { useEffect, useMemo, useRef } from 'react';

/** A stable MediaStream for one track, so effects see a change only when the track changes. */
export function useTrackStream(track: MediaStreamTrack | null): MediaStream | null {
  return useMemo(() => (track ? new MediaStream([track]) : null), [track]);
}

/**
 * Attaches a stream to a muted `<video>` (self views). iOS checks the `muted`
 * attribute, which React only sets as a property, before allowing inline autoplay.
 */
export function useSelfVideo(stream: MediaStream | null) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.muted = true;
    video.setAttribute('muted', '');
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) video.play().catch(() => undefined);
  }, [stream]);
  return ref;
}
