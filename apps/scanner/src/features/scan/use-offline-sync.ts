import { problemMessage } from '@tessera/ui';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { downloadOfflineData } from './download-offline-data.js';
import { isNetworkFailure } from './network.js';
import { loadEventData, queueLength, saveEventData, subscribeQueue, type OfflineEventData } from './offline-store.js';
import { uploadQueue, type UploadSummary } from './upload-queue.js';

/** How often keys and revocations are refreshed, and the queue retried, while online. */
const REFRESH_MS = 60_000;

export interface SyncReport extends UploadSummary {
  at: Date;
}

/**
 * Keeps the event's offline data fresh and the queue of offline scans flowing: both on opening,
 * every minute while online, when the browser comes back online and when asked ("Sync now").
 */
export function useOfflineSync(eventId: string) {
  const [data, setData] = useState<OfflineEventData | null>(() => loadEventData(eventId));
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine !== false);
  // The browser may think it is online while the API is out of reach; the last call tells.
  const [reachable, setReachable] = useState(true);
  const [syncing, setSyncing] = useState(false);
  const [report, setReport] = useState<SyncReport | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const queued = useSyncExternalStore(subscribeQueue, queueLength);
  const uploading = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const next = await downloadOfflineData(eventId, loadEventData(eventId));
      saveEventData(eventId, next);
      setData(next);
      setReachable(true);
    } catch (error) {
      if (isNetworkFailure(error)) setReachable(false);
    }
  }, [eventId]);

  const upload = useCallback(async () => {
    if (uploading.current || queueLength() === 0) return;
    uploading.current = true;
    setSyncing(true);
    try {
      const summary = await uploadQueue();
      setReport({ ...summary, at: new Date() });
      setSyncError(null);
      setReachable(true);
    } catch (error) {
      if (isNetworkFailure(error)) setReachable(false);
      else setSyncError(problemMessage(error));
    } finally {
      uploading.current = false;
      setSyncing(false);
    }
  }, []);

  const syncNow = useCallback(() => {
    void refresh();
    void upload();
  }, [refresh, upload]);

  /** Called after each scan with whether the API answered. */
  const reportNetwork = useCallback(
    (up: boolean) => {
      setReachable(up);
      if (up && queueLength() > 0) void upload();
    },
    [upload],
  );

  useEffect(() => {
    syncNow();
    const timer = setInterval(() => {
      if (navigator.onLine !== false) syncNow();
    }, REFRESH_MS);
    const onOnline = () => {
      setBrowserOnline(true);
      setReachable(true);
      syncNow();
    };
    const onOffline = () => setBrowserOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [syncNow]);

  return {
    data,
    online: browserOnline && reachable,
    queued,
    syncing,
    report,
    syncError,
    syncNow,
    reportNetwork,
  };
}
