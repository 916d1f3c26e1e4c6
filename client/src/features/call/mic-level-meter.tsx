import { useEffect, useRef } from 'react';
import { audioUnlock } from './audio-unlock';
import { levelFromRms, rms, roundLevel, smoothLevel } from './mic-level';

type AudioContextConstructor = typeof AudioContext;

function audioContextClass(): AudioContextConstructor | undefined {
  // Older iPadOS Safari only has the prefixed constructor.
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
}

/**
 * "Say hello and watch the bar move": proof the microphone works before the
 * call. Updates the DOM directly each animation frame rather than through
 * React state, so sixty updates a second cost no re-renders.
 */
export function MicLevelMeter({ stream }: { stream: MediaStream | null }) {
  const meterRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const meter = meterRef.current;
    const bar = barRef.current;
    const show = (level: number) => {
      const rounded = roundLevel(level);
      meter?.setAttribute('data-level', String(rounded));
      meter?.setAttribute('aria-valuenow', String(Math.round(rounded * 100)));
      if (bar) bar.style.transform = `scaleX(${rounded})`;
    };
    show(0);
    const track = stream?.getAudioTracks()[0];
    const Context = audioContextClass();
    if (!track || !Context) return;

    const context = new Context();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);

    let level = 0;
    let frame = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      level = smoothLevel(level, levelFromRms(rms(samples)));
      show(level);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);

    // Safari starts an AudioContext suspended unless created inside a tap.
    const resume = () => {
      if (context.state === 'suspended') void context.resume();
    };
    resume();
    // Otherwise the session screen's first tap resumes it (audio-unlock).
    const unregister = audioUnlock.registerContext(context);

    return () => {
      cancelAnimationFrame(frame);
      unregister();
      source.disconnect();
      void context.close();
    };
  }, [stream]);

  return (
    <div
      ref={meterRef}
      className="mic-meter"
      data-testid="mic-level"
      data-level="0"
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
    >
      <div ref={barRef} className="mic-meter__bar" />
    </div>
  );
}
