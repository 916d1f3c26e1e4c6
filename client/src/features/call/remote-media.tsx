import { useEffect, useRef } from 'react';
import { SpeakerIcon } from '../../ui/icons';
import { watchFirstFrame } from './latency-marks';
import { useRemoteAudio } from './use-remote-audio';
import { useTrackStream } from './use-media-element';

export interface RemoteMediaProps {
  videoTrack: MediaStreamTrack | null;
  audioTrack: MediaStreamTrack | null;
  /** The partner's camera is off or paused: their last frame must not stay on the screen. */
  videoOff: boolean;
}

/**
 * The partner's picture and sound. Both elements stay mounted for the whole
 * call so the first frame is caught the moment it arrives. Sound plays through
 * a separate, unmuted `<audio>`: a muted element makes Chromium report silence,
 * and keeping the video muted lets it autoplay everywhere.
 */
export function RemoteMedia({ videoTrack, audioTrack, videoOff }: RemoteMediaProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const trackStream = useTrackStream(videoTrack);
  // Detached, not just covered: a paused track keeps its last frame in the element.
  const videoStream = videoOff ? null : trackStream;
  const audioStream = useTrackStream(audioTrack);
  const { ref: audioRef, blocked: audioBlocked, unlock: unlockAudio } = useRemoteAudio(audioStream);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = videoStream;
    if (!videoStream) return;
    const stopWatching = watchFirstFrame(video);
    // A muted video may autoplay; a rejection here is only an interrupted load.
    video.play().catch(() => undefined);
    return stopWatching;
  }, [videoStream]);

  return (
    <>
      <video
        ref={videoRef}
        data-testid="remote-video"
        className={`call__remote-video${videoStream ? '' : ' call__remote-video--empty'}`}
        autoPlay
        muted
        playsInline
      />
      <audio ref={audioRef} data-testid="remote-audio" autoPlay playsInline />
      {audioBlocked ? (
        <button type="button" className="call__audio-unlock" data-testid="start-audio" onClick={unlockAudio}>
          <span className="call__audio-unlock-pill">
            <SpeakerIcon size={36} />
            Tap to start audio
          </span>
        </button>
      ) : null}
    </>
  );
}
