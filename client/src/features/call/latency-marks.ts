/*
 * Join-to-first-remote-frame is a product metric (target p50 ≤ 300 ms on
 * localhost). The marks live in the page's performance timeline so the e2e
 * suite and anyone with devtools can read them without extra plumbing.
 */
export const JOIN_TAPPED_MARK = 'peerbridge:join-tapped';
export const FIRST_REMOTE_FRAME_MARK = 'peerbridge:first-remote-frame';

// Only the first remote frame after a Join tap counts; automatic rejoins and
// later tracks must not move the mark.
let awaitingFirstFrame = false;

export function markJoinTapped(): void {
  performance.clearMarks(JOIN_TAPPED_MARK);
  performance.clearMarks(FIRST_REMOTE_FRAME_MARK);
  performance.mark(JOIN_TAPPED_MARK);
  awaitingFirstFrame = true;
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
