/*
 * Join-to-first-remote-frame is a product metric (target p50 ≤ 300 ms on
 * localhost). The marks live in the page's performance timeline so the e2e
 * suite and anyone with devtools can read them without extra plumbing.
 */
export const JOIN_TAPPED_MARK = 'peerbridge:join-tapped';
export const FIRST_REMOTE_FRAME_MARK = 'peerbridge:first-remote-frame';

/**
 * The steps between the tap and the first frame, in the order they usually
 * happen, so a slow join says where its time went: the server's join answer,
 * both transports built, the partner's tracks received (SDP done), our receive
 * transport connected (ICE + DTLS), and our own tracks accepted by the server.
 */
export const JOIN_STAGES = [
  'join-acked',
  'transports-created',
  'consumed-audio',
  'consumed-video',
  'receive-connected',
  'produced-audio',
  'produced-video',
] as const;
export type JoinStage = (typeof JOIN_STAGES)[number];

export function joinStageMark(stage: JoinStage): string {
  return `peerbridge:${stage}`;
}

// Only the first remote frame after a Join tap counts; automatic rejoins and
// later tracks must not move the mark.
let awaitingFirstFrame = false;
// Stages are marked once per tap, and only for the join that tap started.
let stagesMarked = new Set<JoinStage>();

export function markJoinTapped(): void {
  performance.clearMarks(JOIN_TAPPED_MARK);
  performance.clearMarks(FIRST_REMOTE_FRAME_MARK);
  for (const stage of JOIN_STAGES) performance.clearMarks(joinStageMark(stage));
  stagesMarked = new Set();
  performance.mark(JOIN_TAPPED_MARK);
  awaitingFirstFrame = true;
}

/** Marks one step of the tapped join the first time it happens (later rejoins leave the marks alone). */
export function markJoinStage(stage: JoinStage): void {
  if (stagesMarked.has(stage) || performance.getEntriesByName(JOIN_TAPPED_MARK).length === 0) return;
  stagesMarked.add(stage);
  performance.mark(joinStageMark(stage));
}

function markFirstRemoteFrame(): void {
  if (!awaitingFirstFrame) return;
  awaitingFirstFrame = false;
  performance.mark(FIRST_REMOTE_FRAME_MARK);
}

/**
 * Marks the first frame `video` presents, if one is still awaited. Returns a
 * cancel function for when the element or its stream goes away first.
 */
export function watchFirstFrame(video: HTMLVideoElement): () => void {
  if (!awaitingFirstFrame) return () => {};
  if (typeof video.requestVideoFrameCallback === 'function') {
    // Fires when the frame is handed to the compositor: the moment the child sees it.
    const handle = video.requestVideoFrameCallback(() => markFirstRemoteFrame());
    return () => video.cancelVideoFrameCallback(handle);
  }
  const onLoaded = () => markFirstRemoteFrame();
  video.addEventListener('loadeddata', onLoaded, { once: true });
  return () => video.removeEventListener('loadeddata', onLoaded);
}
