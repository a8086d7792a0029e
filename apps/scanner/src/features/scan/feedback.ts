// A beep and a buzz with each verdict, so staff need not look at the screen for every ticket.
// Both are optional: some browsers have no WebAudio or no vibration, and sound needs a tap first.
import type { Tone } from './outcome.js';

let audio: AudioContext | null = null;

function audioContextClass(): typeof AudioContext | undefined {
  const w = globalThis as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
  return w.AudioContext ?? w.webkitAudioContext;
}

/** Browsers let a page play sound only after a user gesture: call this from a tap or click. */
export function unlockSound(): void {
  try {
    const Context = audioContextClass();
    if (!Context) return;
    audio ??= new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => undefined);
  } catch {
    audio = null;
  }
}

const BEEPS: Record<Tone, { hz: number; ms: number; times: number }> = {
  admitted: { hz: 1320, ms: 120, times: 1 },
  warning: { hz: 880, ms: 140, times: 2 },
  rejected: { hz: 220, ms: 320, times: 2 },
};

const BUZZ: Record<Tone, number[]> = {
  admitted: [60],
  warning: [120, 80, 120],
  rejected: [300, 120, 300],
};

export function signalVerdict(tone: Tone): void {
  beep(tone);
  try {
    if (typeof navigator.vibrate === 'function') navigator.vibrate(BUZZ[tone]);
  } catch {
    // Vibration refused (no user gesture yet, or a desktop): the screen still shows the verdict.
  }
}

function beep(tone: Tone): void {
  if (!audio || audio.state !== 'running') return;
  try {
    const { hz, ms, times } = BEEPS[tone];
    const start = audio.currentTime;
    for (let i = 0; i < times; i++) {
      const at = start + (i * ms * 1.6) / 1000;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = hz;
      gain.gain.setValueAtTime(0.15, at);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + ms / 1000);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + ms / 1000);
    }
  } catch {
    // No sound this time; nothing else depends on it.
  }
}
