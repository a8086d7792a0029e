import { useEffect, useState } from 'react';

/** Whole seconds until `deadline` (ISO 8601), ticking every second; 0 once it has passed. */
export function useSecondsLeft(deadline: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (!deadline) return null;
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1_000));
}

const LOW_SECONDS = 60;

/** "9:05": minutes and seconds left, red in the last minute. */
export function Countdown({ seconds, label }: { seconds: number; label: string }) {
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <span
      role="timer"
      aria-label={label}
      data-testid="countdown"
      className={seconds <= LOW_SECONDS ? 'ts-countdown ts-countdown--low' : 'ts-countdown'}
    >
      {text}
    </span>
  );
}
