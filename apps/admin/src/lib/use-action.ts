import { useCallback, useRef, useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  /** The last success message, for a polite status line. */
  notice: string;
  /**
   * Runs `work`, keeping its error for an ErrorBanner. Resolves true when it succeeded;
   * a string result becomes the notice.
   */
  run: (work: () => Promise<string | void>) => Promise<boolean>;
  clear: () => void;
  fail: (error: unknown) => void;
}

/** Busy, error and notice state for buttons and forms that change something. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const running = useRef(false);

  const run = useCallback(async (work: () => Promise<string | void>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const message = await work();
      if (message) setNotice(message);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clear = useCallback(() => {
    setError(null);
    setNotice('');
  }, []);

  const fail = useCallback((e: unknown) => {
    setNotice('');
    setError(e);
  }, []);

  return { busy, error, notice, run, clear, fail };
}
