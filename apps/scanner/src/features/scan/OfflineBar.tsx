import { Button } from '@tessera/ui';
import type { OfflineEventData } from './offline-store.js';
import type { TicketListInfo } from './ticket-list-store.js';
import type { SyncReport, TicketListState } from './use-offline-sync.js';

interface OfflineBarProps {
  online: boolean;
  queued: number;
  syncing: boolean;
  report: SyncReport | null;
  syncError: string | null;
  data: OfflineEventData | null;
  list: TicketListState;
  onSync: () => void;
  onListWanted: (wanted: boolean) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const timeOf = (at: Date | string) => new Date(at).toLocaleTimeString(undefined, { timeStyle: 'medium' });
const count = (n: number) => n.toLocaleString();

function sizeOf(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1_000))} kB`;
}

function ageOf(at: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(at)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min ago` : `${Math.floor(hours / 24)} days ago`;
}

function listSummary(info: TicketListInfo): string {
  return (
    `Ticket list: ${count(info.tickets)} ${info.tickets === 1 ? 'ticket' : 'tickets'}` +
    ` (${sizeOf(info.bytes)}), ${count(info.blocked)} blocked, downloaded ${timeOf(info.downloadedAt)} (${ageOf(info.downloadedAt)})`
  );
}

/** Connection state, scans waiting for upload, and whether this device could check tickets offline. */
export function OfflineBar({
  online,
  queued,
  syncing,
  report,
  syncError,
  data,
  list,
  onSync,
  onListWanted,
}: OfflineBarProps) {
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
          ? `Offline checks ready: ${plural(data.keys.length, 'key', 'keys')}, ${plural(data.revoked.length, 'revoked ticket', 'revoked tickets')}${data.blocked ? `, ${count(data.blocked.length)} blocked` : ''}, updated ${timeOf(data.updatedAt)}`
          : 'Offline checks not ready: the event keys have not been downloaded yet.'}
      </span>
      <label className="ts-check">
        <input type="checkbox" checked={list.wanted} onChange={(e) => onListWanted(e.target.checked)} />
        <span>Download ticket list for offline checks</span>
      </label>
      {list.wanted && (
        <span
          className="ts-muted"
          data-testid="ticket-list"
          data-ready={String(!!list.info)}
          data-tickets={list.info?.tickets}
          data-downloading={String(list.downloading)}
        >
          {list.downloading && 'Downloading the ticket list… '}
          {list.info ? listSummary(list.info) : !list.downloading && 'No ticket list on this device yet.'}
        </span>
      )}
      {list.error && <span className="scan-status__error">{list.error}</span>}
    </div>
  );
}
