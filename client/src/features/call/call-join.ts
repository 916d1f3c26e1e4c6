import { JoinResult, type NetworkCheckResult } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { PeerbridgeError, toPeerbridgeError } from '../../lib/peerbridge-error';
import { leaveRoom } from '../../lib/remote-room/remote-room';
import { request, waitForConnection, type DeviceSocket } from '../../lib/socket-client';
import { markJoinStage } from './latency-marks';
import { MediaSession, type LoadedDevice, type MediaSignalling } from './media-session';

export interface JoinParams {
  sessionId: string;
  /** The student at this iPad's school who takes part. */
  studentId: string;
  /**
   * From the student's PIN sign-in. Reused by automatic rejoins: it stays
   * valid until the session ends, so a Wi-Fi blip never asks for the PIN again.
   */
  joinToken: string;
  /** Camera and microphone, owned by the screen; the client never stops them. */
  stream: MediaStream;
  /** The pre-join network check, when it had finished by Join: logged with the join. */
  networkCheck?: NetworkCheckResult;
}

/**
 * The server refused the join token (it ran out, or belongs to another
 * session or iPad). Only a fresh PIN sign-in helps, so the screen goes back there.
 */
export class SignInRequiredError extends PeerbridgeError {
  constructor(message: string, cause?: unknown) {
    super('unauthenticated', message, { cause });
  }
}

/** How long one ICE restart waits for the server's new ICE parameters. */
const ICE_RESTART_TIMEOUT_MS = 4_000;

/** How a join's media is built; tests pass a stand-in because there is no WebRTC in Node. */
export type CreateMediaSession = typeof MediaSession.create;

/**
 * A media Device loaded while pre-join shows, so the join can carry our
 * capabilities and the server prepares the partner's media in the same round
 * trip. Never rejects: without it, the join simply takes the longer way. A
 * failure is forgotten, so the next join tries again.
 */
export class DevicePreload {
  private pending: Promise<LoadedDevice | null> | null = null;
  private loaded: LoadedDevice | null = null;

  constructor(private readonly socket: DeviceSocket) {}

  get(): Promise<LoadedDevice | null> {
    this.pending ??= (async () => {
      try {
        await waitForConnection(this.socket);
        const { routerRtpCapabilities } = await request(this.socket, 'media:capabilities', {});
        this.loaded = await MediaSession.loadDevice(routerRtpCapabilities);
        return this.loaded;
      } catch (error) {
        reportProblem('could not prepare the media device early', error);
        this.pending = null;
        return null;
      }
    })();
    return this.pending;
  }

  /** The Device once it has loaded, without waiting a turn: null while it is still loading (or failed). */
  get ready(): LoadedDevice | null {
    return this.loaded;
  }
}

export interface JoinedMedia {
  joined: JoinResult;
  media: MediaSession;
}

/**
 * One join attempt, as far as the call screen can show: `session:join`, then
 * both transports. Null when `isCurrent` turned false meanwhile (a newer
 * attempt, leaving, an end), in which case nothing is left open.
 */
export async function negotiateJoin(deps: {
  socket: DeviceSocket;
  params: JoinParams;
  preload: DevicePreload;
  createMediaSession: CreateMediaSession;
  isCurrent: () => boolean;
  onMediaFailed: () => void;
  /** Each ICE restart asked of the server (the call shows how many, for diagnostics). */
  onIceRestart?: () => void;
}): Promise<JoinedMedia | null> {
  const { socket, params, isCurrent } = deps;
  // With the socket up and the Device loaded (the usual case after pre-join) the join goes out in the
  // same turn as the tap, before the screen re-renders for "Joining…"; otherwise it waits for them.
  if (!socket.connected) await waitForConnection(socket);
  const preloaded = deps.preload.ready ?? (await deps.preload.get());
  if (!isCurrent()) return null;

  const ack = await request(socket, 'session:join', {
    sessionId: params.sessionId,
    studentId: params.studentId,
    joinToken: params.joinToken,
    ...(preloaded ? { rtpCapabilities: preloaded.device.rtpCapabilities } : {}),
    ...(params.networkCheck ? { networkCheck: params.networkCheck } : {}),
  }).catch((error: unknown) => {
    // The device itself was accepted at the handshake, so "unauthenticated" here is about the join token.
    if (error instanceof PeerbridgeError && error.code === 'unauthenticated') {
      throw new SignInRequiredError(error.message, error);
    }
    throw error;
  });
  markJoinStage('join-acked');
  if (!isCurrent()) return null;
  const parsed = JoinResult.safeParse(ack);
  if (!parsed.success) {
    reportProblem('session:join ack broke the contract', parsed.error);
    void leaveRoom(socket);
    throw PeerbridgeError.unexpected(parsed.error);
  }
  const joined = parsed.data;

  let media: MediaSession;
  try {
    media = await deps.createMediaSession(joined, signalling(socket, deps.onIceRestart), deps.onMediaFailed, preloaded);
  } catch (error) {
    // The server has us as joined; undo that so a retry is not refused as a duplicate.
    void leaveRoom(socket);
    throw error;
  }
  markJoinStage('transports-created');
  if (!isCurrent()) {
    media.close();
    return null;
  }
  return { joined, media };
}

function signalling(socket: DeviceSocket, onIceRestart?: () => void): MediaSignalling {
  return {
    connectTransport: async (transportId, dtlsParameters) => {
      await request(socket, 'transport:connect', { transportId, dtlsParameters });
    },
    produce: async (transportId, kind, rtpParameters, paused) => {
      const data = await request(socket, 'media:produce', { transportId, kind, rtpParameters, ...(paused ? { paused } : {}) });
      return data.producerId;
    },
    // Shorter than other requests: a restart that cannot get through is soon tried again.
    restartIce: (transportId) => {
      onIceRestart?.();
      return request(socket, 'transport:restart-ice', { transportId }, ICE_RESTART_TIMEOUT_MS);
    },
    canSignal: () => socket.connected,
  };
}

/** Server refusals pass through; anything else is logged in full and explained simply. */
export function describeJoinFailure(error: unknown): PeerbridgeError {
  if (error instanceof PeerbridgeError) return error;
  reportProblem('join failed', error);
  // mediasoup-client's name for "this browser cannot do WebRTC the way we need".
  if (error instanceof Error && error.name === 'UnsupportedError') {
    return new PeerbridgeError(
      'unavailable',
      "This browser can't make Peerbridge calls. Use Safari on an iPad, or Chrome or Edge on a laptop.",
      { cause: error },
    );
  }
  return toPeerbridgeError(error);
}
