import { Badge, Button, EmptyState, ErrorBanner, Loading, formatTimestamp } from '@tessera/ui';
import { useState } from 'react';
import type { PolledState } from '../../lib/use-visible-polling.js';
import { flagKindHint, flagKindLabel } from './flag-kinds.js';
import { FlagEvidence } from './FlagEvidence.js';
import type { FlagFilter, ValidationFlag } from './list-validation-flags.js';
import type { ScannerDevice } from './list-scanner-devices.js';
import { lockScannerDevice } from './lock-scanner-device.js';
import { resolveValidationFlag } from './resolve-validation-flag.js';

export interface FlagsPanelProps {
  flags: PolledState<{ items: ValidationFlag[] }>;
  filter: FlagFilter;
  onFilterChange: (filter: FlagFilter) => void;
  devices: readonly ScannerDevice[];
  gateNames: ReadonlyMap<string, string>;
  /** After a device was locked from a flag, so the device list shows it. */
  onDeviceChanged: () => void;
}

const FILTERS: { value: FlagFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All, resolved too' },
];

/** What staff should look at: suspected fraud and offline conflicts, with evidence, to resolve or act on. */
export function FlagsPanel({ flags, filter, onFilterChange, devices, gateNames, onDeviceChanged }: FlagsPanelProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const act = async (key: string, work: () => Promise<string>) => {
    setPending(key);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };

  const resolve = (flag: ValidationFlag) =>
    void act(`resolve:${flag.id}`, async () => {
      await resolveValidationFlag(flag.id);
      flags.refresh();
      return `Resolved: ${flagKindLabel(flag.kind).toLowerCase()}.`;
    });

  const lock = (flag: ValidationFlag, device: ScannerDevice | undefined) =>
    void act(`lock:${flag.id}`, async () => {
      if (!flag.deviceId) return '';
      await lockScannerDevice(flag.deviceId);
      onDeviceChanged();
      return `Locked ${device?.name ?? 'the device'}: its scans are refused until it is unlocked.`;
    });

  const items = flags.data?.items ?? [];
  return (
    <section className="ts-stack" aria-labelledby="entry-flags-title">
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="entry-flags-title" style={{ margin: 0 }}>
          Flags
        </h2>
        <div className="ts-cluster" role="group" aria-label="Which flags">
          {FILTERS.map((f) => (
            <Button
              key={f.value}
              size="sm"
              variant={filter === f.value ? 'primary' : 'secondary'}
              aria-pressed={filter === f.value}
              onClick={() => onFilterChange(f.value)}
            >
              {f.label}
            </Button>
          ))}
        </div>
      </div>
      <p className="ts-muted" style={{ margin: 0 }}>
        Raised by the scan checks every few seconds and by offline scanners when they upload.
      </p>
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {notice}
      </p>
      <ErrorBanner error={error} title="That did not work" />
      <ErrorBanner error={flags.error} title="The flags could not be loaded" />
      {flags.loading && !flags.data ? (
        <Loading>Loading flags…</Loading>
      ) : items.length === 0 ? (
        <EmptyState title={filter === 'open' ? 'No open flags' : 'No flags yet'}>
          Nothing suspicious so far. Flags appear here within seconds of a finding.
        </EmptyState>
      ) : (
        <ul aria-label="Flags" className="ts-stack" style={{ margin: 0, padding: 0, gap: 'var(--space-3)' }}>
          {items.map((flag) => {
            const device = devices.find((d) => d.id === flag.deviceId);
            const hint = flagKindHint(flag.kind);
            return (
              <li key={flag.id} className="ts-card ts-stack entry-flag" data-testid="entry-flag" data-kind={flag.kind}>
                <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
                  <div>
                    <h3 style={{ margin: 0 }}>
                      {flagKindLabel(flag.kind)}{' '}
                      {flag.resolvedAt ? <Badge>Resolved</Badge> : <Badge tone="danger">Open</Badge>}
                    </h3>
                    {hint && (
                      <p className="ts-muted" style={{ margin: 'var(--space-1) 0 0' }}>
                        {hint}
                      </p>
                    )}
                  </div>
                  <div className="ts-cluster" style={{ flexWrap: 'nowrap' }}>
                    {device?.status === 'locked' || device?.status === 'revoked' ? (
                      <Badge tone="warning">Device {device.status}</Badge>
                    ) : (
                      flag.deviceId && (
                        <Button
                          variant="danger"
                          size="sm"
                          busy={pending === `lock:${flag.id}`}
                          onClick={() => lock(flag, device)}
                        >
                          Lock device
                        </Button>
                      )
                    )}
                    {!flag.resolvedAt && (
                      <Button
                        variant="secondary"
                        size="sm"
                        busy={pending === `resolve:${flag.id}`}
                        onClick={() => resolve(flag)}
                      >
                        Resolve
                      </Button>
                    )}
                  </div>
                </div>
                <dl className="entry-facts">
                  <div>
                    <dt>Raised</dt>
                    <dd>{formatTimestamp(flag.createdAt)}</dd>
                  </div>
                  <div>
                    <dt>Ticket</dt>
                    <dd>{flag.ticketId ? <code title={flag.ticketId}>{flag.ticketId}</code> : '—'}</dd>
                  </div>
                  <div>
                    <dt>Device</dt>
                    <dd>
                      {flag.deviceId
                        ? (device?.name ?? <code title={flag.deviceId}>{flag.deviceId.slice(0, 8)}</code>)
                        : '—'}
                    </dd>
                  </div>
                  {flag.resolvedAt && (
                    <div>
                      <dt>Resolved</dt>
                      <dd>{formatTimestamp(flag.resolvedAt)}</dd>
                    </div>
                  )}
                </dl>
                <FlagEvidence evidence={flag.evidence} gateNames={gateNames} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
