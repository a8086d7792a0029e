import { problemMessage } from '@tessera/ui';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { downloadOfflineData } from './download-offline-data.js';
import { downloadTicketList } from './download-ticket-list.js';
import { isNetworkFailure } from './network.js';
import {
  loadEventData,
  queueLength,
  saveEventData,
  setTicketListWanted,
  subscribeQueue,
  ticketListWanted,
  type OfflineEventData,
} from './offline-store.js';
import { deleteTicketList, loadTicketListInfo, saveTicketList, type TicketListInfo } from './ticket-list-store.js';
import { uploadQueue, type UploadSummary } from './upload-queue.js';

/** How often keys and revocations are refreshed, and the queue retried, while online. */
const REFRESH_MS = 60_000;
/**
 * The ticket list is large, so it is fetched again less often; blocks reach the device sooner
 * through the revocations, and tickets sold since are still let in on their signed code.
 */
const LIST_REFRESH_MS = 15 * 60_000;

export interface SyncReport extends UploadSummary {
  at: Date;
}

export interface TicketListState {
  /** Whether this device keeps the event's ticket list (a setting per event, off by default). */
  wanted: boolean;
  info: TicketListInfo | null;
  downloading: boolean;
  error: string | null;
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
  const [list, setList] = useState<TicketListState>(() => ({
    wanted: ticketListWanted(eventId),
    info: null,
    downloading: false,
    error: null,
  }));
  const queued = useSyncExternalStore(subscribeQueue, queueLength);
  const uploading = useRef(false);
  const listDownloading = useRef(false);

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

  /** Downloads the ticket list when it is wanted and missing or old (`force`: whatever its age). */
  const refreshList = useCallback(
    async (force: boolean) => {
      if (!ticketListWanted(eventId) || listDownloading.current) return;
      if (!force && navigator.onLine === false) return;
      const stored = await loadTicketListInfo(eventId).catch(() => null);
      if (!force && stored && Date.now() - Date.parse(stored.downloadedAt) < LIST_REFRESH_MS) return;
      listDownloading.current = true;
      setList((l) => ({ ...l, downloading: true }));
      try {
        const fetched = await downloadTicketList(eventId);
        // Turned off while it was on its way.
        if (!ticketListWanted(eventId)) return;
        const info = await saveTicketList(eventId, fetched);
        setList((l) => ({ ...l, info, error: null }));
        setReachable(true);
      } catch (error) {
        if (isNetworkFailure(error)) setReachable(false);
        setList((l) => ({
          ...l,
          error: isNetworkFailure(error)
            ? 'The ticket list could not be downloaded: no connection. It is tried again when back online.'
            : `The ticket list could not be kept: ${problemMessage(error)}`,
        }));
      } finally {
        listDownloading.current = false;
        setList((l) => ({ ...l, downloading: false }));
      }
    },
    [eventId],
  );

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

  const sync = useCallback(
    (forceList: boolean) => {
      void refresh();
      void refreshList(forceList);
      void upload();
    },
    [refresh, refreshList, upload],
  );

  /** "Sync now": everything, the ticket list included whatever its age. */
  const syncNow = useCallback(() => sync(true), [sync]);

  /** Turns keeping the ticket list on (downloads it now) or off (deletes the stored copy). */
  const setListWanted = useCallback(
    (wanted: boolean) => {
      setTicketListWanted(eventId, wanted);
      setList((l) => ({ ...l, wanted, error: null, ...(wanted ? {} : { info: null }) }));
      if (wanted) void refreshList(true);
      else
        deleteTicketList(eventId).catch((error: unknown) =>
          setList((l) => ({ ...l, error: `The stored ticket list could not be deleted: ${problemMessage(error)}` })),
        );
    },
    [eventId, refreshList],
  );

  /** Called after each scan with whether the API answered. */
  const reportNetwork = useCallback(
    (up: boolean) => {
      setReachable(up);
      if (up && queueLength() > 0) void upload();
    },
    [upload],
  );

  // What is stored already, so the bar shows it at once (offline too).
  useEffect(() => {
    let active = true;
    loadTicketListInfo(eventId)
      .then((info) => {
        if (active) setList((l) => ({ ...l, info: l.info ?? info }));
      })
      .catch((error: unknown) => {
        if (active)
          setList((l) => ({ ...l, error: `The ticket list cannot be stored here: ${problemMessage(error)}` }));
      });
    return () => {
      active = false;
    };
  }, [eventId]);

  useEffect(() => {
    sync(false);
    const timer = setInterval(() => {
      if (navigator.onLine !== false) sync(false);
    }, REFRESH_MS);
    const onOnline = () => {
      setBrowserOnline(true);
      setReachable(true);
      sync(false);
    };
    const onOffline = () => setBrowserOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [sync]);

  return {
    data,
    online: browserOnline && reachable,
    queued,
    syncing,
    report,
    syncError,
    list,
    setListWanted,
    syncNow,
    reportNetwork,
  };
}
