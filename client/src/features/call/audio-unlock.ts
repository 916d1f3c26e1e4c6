/*
 * iPad Safari starts sound only from a user gesture. Remote <audio> elements and AudioContexts
 * register here; while one is still silent, the next tap anywhere (pointerdown or touchend)
 * plays or resumes it within that gesture.
 */

export interface AudioOutput {
  readonly paused: boolean;
  readonly srcObject: MediaProvider | null;
  play(): Promise<void>;
}

export interface ResumableContext {
  readonly state: AudioContextState | string;
  resume(): Promise<void>;
}

export class AudioUnlock {
  private readonly outputs = new Set<AudioOutput>();
  private readonly contexts = new Set<ResumableContext>();

  register(output: AudioOutput): () => void {
    this.outputs.add(output);
    return () => this.outputs.delete(output);
  }

  registerContext(context: ResumableContext): () => void {
    this.contexts.add(context);
    return () => this.contexts.delete(context);
  }

  /** Something is waiting for a tap to make sound. */
  get waiting(): boolean {
    return [...this.outputs].some((o) => o.paused && o.srcObject) || [...this.contexts].some((c) => c.state === 'suspended');
  }

  /** Called inside a gesture: play what is silent, resume what is suspended. */
  unlock(): void {
    for (const output of this.outputs) {
      if (output.paused && output.srcObject) output.play().catch(() => undefined);
    }
    for (const context of this.contexts) {
      if (context.state === 'suspended') context.resume().catch(() => undefined);
    }
  }

  /** Listens for taps on `target` (the document); each tap unlocks whatever is still silent. */
  listen(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void {
    const onTap = () => {
      if (this.waiting) this.unlock();
    };
    const options = { capture: true, passive: true };
    target.addEventListener('pointerdown', onTap, options);
    target.addEventListener('touchend', onTap, options);
    return () => {
      target.removeEventListener('pointerdown', onTap, options);
      target.removeEventListener('touchend', onTap, options);
    };
  }
}

/** The page's one registry: the session screens listen, the audio hooks register. */
export const audioUnlock = new AudioUnlock();
