import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import type { ReactNode } from 'react';
import { Button } from '../../ui/button';
import { BackIcon } from '../../ui/icons';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { schoolTime } from '../../lib/school-time';
import { DevicePickers } from './device-pickers';
import { MicLevelMeter } from './mic-level-meter';
import { NetworkCheckPanel } from './network-check-panel';
import type { NetworkCheckState } from './network-check-words';
import { useSelfVideo } from './use-media-element';
import type { LocalMedia } from './use-local-media';
import './prejoin.css';

export interface PrejoinScreenProps {
  session: TodaySession;
  school: DeviceSchool;
  media: LocalMedia;
  /** How media can flow from this Wi-Fi; shown, never waited for. */
  network: NetworkCheckState;
  /** The call client exists and can take a join. */
  canJoin: boolean;
  joining: boolean;
  joinError: string | null;
  /** Whether the partner is in the call already; null when not known (nothing is said). */
  partnerHere: boolean | null;
  micEnabled: boolean;
  cameraEnabled: boolean;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onJoin: () => void;
  onBack: () => void;
  /** Beside pre-join, never waited for (the student's own targets). */
  extra?: ReactNode;
}

/** Check camera, sound and the network, then join. Nothing is sent to anyone until Join (the network check talks only to the media server). */
export function PrejoinScreen({
  session,
  school,
  media,
  network,
  canJoin,
  joining,
  joinError,
  partnerHere,
  micEnabled,
  cameraEnabled,
  onToggleMic,
  onToggleCamera,
  onJoin,
  onBack,
  extra,
}: PrejoinScreenProps) {
  const previewRef = useSelfVideo(media.stream);
  const hasVideo = (media.stream?.getVideoTracks().length ?? 0) > 0;
  const partner = session.partner;

  return (
    <Screen data-testid="prejoin" className="prejoin">
      <div className="prejoin__bar">
        <Button variant="secondary" data-testid="back-button" onClick={onBack}>
          <BackIcon size={24} />
          Back
        </Button>
        <span className="prejoin__when">{schoolTime(school.timeZone).timeRange(session.startsAt, session.endsAt)}</span>
      </div>

      <header className="prejoin__header">
        <h1 className="prejoin__title">Ready to meet {partner.firstName}?</h1>
        <p className="prejoin__subtitle">
          {session.participant.firstName}, you’re meeting {partner.firstName} (Year {partner.yearGroup}) from{' '}
          {partner.schoolName}.
        </p>
        {partnerHere !== null ? (
          <p className="prejoin__presence" data-testid="partner-presence" role="status">
            {partnerHere ? `${partner.firstName} is here` : 'You’ll be first'}
          </p>
        ) : null}
        <p className="prejoin__watch" data-testid="staff-may-watch">
          A member of staff may watch to keep you safe.
        </p>
      </header>

      <div className="prejoin__body">
        <div className="prejoin__preview">
          <video ref={previewRef} data-testid="self-preview" className="mirrored" autoPlay muted playsInline />
          {media.status === 'starting' ? <p className="prejoin__preview-note">Starting your camera…</p> : null}
          {media.status === 'ready' && hasVideo && !cameraEnabled ? <p className="prejoin__preview-note">Camera off</p> : null}
          {media.status === 'ready' && !hasVideo ? <p className="prejoin__preview-note">No camera</p> : null}
          {media.status === 'failed' ? <p className="prejoin__preview-note">Camera not available</p> : null}
        </div>

        <div className="prejoin__side">
          <div className="prejoin__mic">
            <span className="prejoin__mic-label">Say hello — the bar should move</span>
            <MicLevelMeter stream={media.stream} />
          </div>

          <div className="prejoin__toggles" role="group" aria-label="Join with">
            <Button variant="secondary" aria-pressed={micEnabled} data-testid="prejoin-mic-toggle" onClick={onToggleMic}>
              {micEnabled ? 'Microphone on' : 'Microphone off'}
            </Button>
            <Button variant="secondary" aria-pressed={cameraEnabled} data-testid="prejoin-camera-toggle" onClick={onToggleCamera}>
              {cameraEnabled ? 'Camera on' : 'Camera off'}
            </Button>
          </div>

          <DevicePickers media={media} />

          <NetworkCheckPanel state={network} />

          {media.problem ? (
            <Notice tone={media.stream ? 'info' : 'error'} data-testid="media-problem">
              <strong>{media.problem.title}.</strong> {media.problem.advice}
            </Notice>
          ) : null}
          {media.status === 'failed' ? (
            <Button variant="secondary" onClick={media.retry} data-testid="media-retry">
              Try again
            </Button>
          ) : null}

          {joinError ? (
            <Notice tone="error" data-testid="join-error">
              {joinError}
            </Notice>
          ) : null}

          <Button
            size="large"
            wide
            data-testid="join-button"
            disabled={!canJoin || joining || !media.stream}
            aria-busy={joining}
            onClick={onJoin}
          >
            {joining ? 'Joining…' : 'Join'}
          </Button>
          {extra}
        </div>
      </div>
    </Screen>
  );
}
