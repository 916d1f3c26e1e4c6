import { useEffect, useRef } from 'react';
import { CameraOffIcon, MicOffIcon, SpeakerIcon } from '../../ui/icons';
import { useTrackStream } from '../call/use-media-element';
import { useRemoteAudio } from '../call/use-remote-audio';
import type { ObservedStudent } from './observe-state';

/**
 * One student, as the observer sees and hears them. Video stays muted (so it
 * can autoplay); sound plays through its own element, and if the browser
 * wants a tap first, the tile asks for one.
 */
export function ObservedStudentTile({ student }: { student: ObservedStudent }) {
  const { peer, media } = student;
  const videoRef = useRef<HTMLVideoElement>(null);
  const videoStream = useTrackStream(media.videoTrack);
  const audioStream = useTrackStream(media.audioTrack);
  const { ref: audioRef, blocked: audioBlocked, unlock } = useRemoteAudio(audioStream);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = videoStream;
    if (videoStream) video.play().catch(() => undefined);
  }, [videoStream]);

  return (
    <figure className="observe-tile" data-participant-id={peer.participantId}>
      <div className="observe-tile__picture">
        <video
          ref={videoRef}
          className={`observe-tile__video${videoStream ? '' : ' observe-tile__video--empty'}`}
          data-testid="observe-video"
          autoPlay
          muted
          playsInline
        />
        <audio ref={audioRef} data-testid="observe-audio" autoPlay playsInline />
        {media.cameraOff ? (
          <p className="observe-tile__overlay">
            <CameraOffIcon size={40} />
            {peer.firstName}’s camera is off
          </p>
        ) : media.cameraPaused ? (
          <p className="observe-tile__overlay">
            <CameraOffIcon size={40} />
            {peer.firstName}’s camera paused
          </p>
        ) : !videoStream ? (
          <p className="observe-tile__overlay">Connecting to {peer.firstName}’s video…</p>
        ) : null}
        {audioBlocked ? (
          <button type="button" className="observe-tile__unlock" onClick={unlock}>
            <SpeakerIcon size={28} />
            Tap to hear {peer.firstName}
          </button>
        ) : null}
      </div>
      <figcaption className="observe-tile__caption">
        <strong className="observe-tile__name">{peer.firstName}</strong>
        <span>
          {peer.role === 'mentor' ? 'Mentor' : 'Mentee'} · {peer.schoolName}
        </span>
        {media.micOff ? (
          <span className="observe-tile__muted">
            <MicOffIcon size={18} />
            Muted
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
