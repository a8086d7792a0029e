import { Button } from '@tessera/ui';
import type { OfflineEventData } from './offline-store.js';
import type { SyncReport } from './use-offline-sync.js';

interface OfflineBarProps {
  online: boolean;
  queued: number;
  syncing: boolean;
  report: SyncReport | null;
  syncError: string | null;
  data: OfflineEventData | null;
  onSync: () => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const timeOf = (at: Date | string) => new Date(at).toLocaleTimeString(undefined, { timeStyle: 'medium' });

/** Connection state, scans waiting for upload, and whether this device could check tickets offline. */
export function OfflineBar({ online, queued, syncing, report, syncError, data, onSync }: OfflineBarProps) {
  const ready = !!data && data.keys.length > 0;
  return (
    <div className="scan-status" aria-live="polite">
      <div className="scan-status__row">
        <span
          className={`scan-status__state scan-status__state--${online ? 'online' : 'offline'}`}
          data-testid="offline-indicator"
          data-online={String(online)}
          data-queued={queued}
        >
          {online ? 'Online' : 'Offline'} · {queued} queued
        </span>
        <Button variant="secondary" size="sm" onClick={onSync} aria-busy={syncing || undefined}>
          Sync now
        </Button>
      </div>
      {syncing && <span className="ts-muted">Uploading offline scans…</span>}
      {!syncing && report && (
        <span data-testid="sync-status" data-uploaded={report.uploaded} data-conflicts={report.conflicts}>
          Uploaded {plural(report.uploaded, 'scan', 'scans')} at {timeOf(report.at)} ·{' '}
          {plural(report.conflicts, 'conflict', 'conflicts')}
          {report.conflicts > 0 && ' (tickets let in here offline had already been used; a supervisor sees them)'}
        </span>
      )}
      {syncError && <span className="scan-status__error">Upload refused: {syncError}</span>}
      <span className="ts-muted" data-testid="offline-data" data-ready={String(ready)}>
        {ready
          ? `Offline checks ready: ${plural(data.keys.length, 'key', 'keys')}, ${plural(data.revoked.length, 'revoked ticket', 'revoked tickets')}, updated ${timeOf(data.updatedAt)}`
          : 'Offline checks not ready: the event keys have not been downloaded yet.'}
      </span>
    </div>
  );
}
