import { useEffect, useRef, useState } from 'react';
import { SpeakerIcon } from '../../ui/icons';
import { watchFirstFrame } from './latency-marks';
import { useTrackStream } from './use-media-element';

export interface RemoteMediaProps {
  videoTrack: MediaStreamTrack | null;
  audioTrack: MediaStreamTrack | null;
}

/**
 * The partner's picture and sound. Both elements stay mounted for the whole
 * call so the first frame is caught the moment it arrives. Sound plays through
 * a separate, unmuted `<audio>`: a muted element makes Chromium report silence,
 * and keeping the video muted lets it autoplay everywhere.
 */
export function RemoteMedia({ videoTrack, audioTrack }: RemoteMediaProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const videoStream = useTrackStream(videoTrack);
  const audioStream = useTrackStream(audioTrack);
  const [audioBlocked, setAudioBlocked] = useState(false);

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

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.srcObject = audioStream;
    if (!audioStream) return;
    audio.play().then(
      () => setAudioBlocked(false),
      (error: unknown) => {
        // iPad Safari refuses sound that did not start from a tap; ask for one.
        if (error instanceof DOMException && error.name === 'NotAllowedError') setAudioBlocked(true);
      },
    );
  }, [audioStream]);

  const unlockAudio = () => {
    audioRef.current?.play().then(
      () => setAudioBlocked(false),
      () => undefined,
    );
  };

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
