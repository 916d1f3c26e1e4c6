/** Messages between the capacity bench and its traffic child (node IPC). */

export interface SendingSide {
  /** The SFU's plain-RTP port this side's two streams go to. */
  port: number;
  audioSsrc: number;
  videoSsrc: number;
}

export type ToLoad =
  | { type: 'open-sinks'; count: number }
  | { type: 'send'; sides: SendingSide[] }
  | { type: 'count' }
  | { type: 'stop' };

export type FromLoad =
  | { type: 'sinks'; ports: number[] }
  | { type: 'sending' }
  /** RTP packets sent in all, and RTP packets each sink received (RTCP and the SFU's bandwidth probes are not counted). */
  | { type: 'counts'; sent: number; received: number[] };

export const LOOPBACK = '127.0.0.1';
