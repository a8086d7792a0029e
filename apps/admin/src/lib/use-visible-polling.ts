import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface PolledState<T> {
  data: T | undefined;
  /** The last failure; the previous data stays shown meanwhile. */
  error: unknown;
  loading: boolean;
  /** Loads again now, then keeps the rhythm. */
  refresh: () => void;
}

/**
 * Runs `load` when `deps` change and again every `intervalMs` while the page is visible. A hidden
 * tab stops polling (and drops the call in flight); showing it again loads at once.
 */
export function useVisiblePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  intervalMs: number,
): PolledState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const refreshRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    setState((current) => ({ ...current, error: null, loading: true }));

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && !document.hidden) timer = setTimeout(() => void tick(), intervalMs);
    };

    const tick = async () => {
      clearTimeout(timer);
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      try {
        const data = await loadRef.current(controller.signal);
        if (!controller.signal.aborted) setState({ data, error: null, loading: false });
      } catch (error) {
        if (!controller.signal.aborted) setState((current) => ({ ...current, error, loading: false }));
      }
      // A newer call (a refresh, the tab shown again) schedules the next one itself.
      if (inFlight === controller) {
        inFlight = null;
        schedule();
      }
    };

    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        inFlight?.abort();
        inFlight = null;
      } else {
        void tick();
      }
    };

    document.addEventListener('visibilitychange', onVisibility);
    refreshRef.current = () => void tick();
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      refreshRef.current = () => undefined;
    };
  }, [...deps, intervalMs]);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { ...state, refresh };
}
