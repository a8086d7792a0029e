import {
  Badge,
  Button,
  DataTable,
  EmptyState,
  ErrorBanner,
  Loading,
  formatTimestamp,
  type AsyncState,
  type BadgeTone,
  type Column,
} from '@tessera/ui';
import { useState } from 'react';
import { DeviceKey } from './DeviceKey.js';
import type { Gate } from './get-access-setup.js';
import type { DeviceStatus, ScannerDevice } from './list-scanner-devices.js';
import { lockScannerDevice } from './lock-scanner-device.js';
import type { RegisteredDevice } from './register-scanner-device.js';
import { RegisterDeviceForm } from './RegisterDeviceForm.js';
import { revokeScannerDevice } from './revoke-scanner-device.js';
import { unlockScannerDevice } from './unlock-scanner-device.js';

const STATUS: Record<DeviceStatus, { tone: BadgeTone; label: string }> = {
  active: { tone: 'success', label: 'Active' },
  locked: { tone: 'warning', label: 'Locked' },
  revoked: { tone: 'danger', label: 'Revoked' },
};

export interface ScannerDevicesPanelProps {
  eventId: string;
  devices: AsyncState<{ items: ScannerDevice[] }>;
  gates: readonly Gate[];
  /** Registering and revoking take an administrator; locking does not. */
  isAdmin: boolean;
}

/** The event's gate scanners: register one (its key shown once), lock, unlock or revoke it. */
export function ScannerDevicesPanel({ eventId, devices, gates, isAdmin }: ScannerDevicesPanelProps) {
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<RegisteredDevice | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const gateName = (id: string | null) => (id ? (gates.find((g) => g.id === id)?.name ?? '—') : 'Any gate');

  const act = async (device: ScannerDevice, work: () => Promise<string>) => {
    setPendingId(device.id);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
      setConfirmingId(null);
      devices.reload();
    } catch (e) {
      setError(e);
    } finally {
      setPendingId(null);
    }
  };

  const lock = (d: ScannerDevice) =>
    void act(d, async () => {
      await lockScannerDevice(d.id);
      return `Locked ${d.name}: its scans are refused until it is unlocked.`;
    });
  const unlock = (d: ScannerDevice) =>
    void act(d, async () => {
      await unlockScannerDevice(d.id);
      return `Unlocked ${d.name}.`;
    });
  const revoke = (d: ScannerDevice) =>
    void act(d, async () => {
      await revokeScannerDevice(d.id);
      return `Revoked ${d.name}. Its key no longer works.`;
    });

  const actions = (d: ScannerDevice) => {
    if (d.status === 'revoked') return null;
    if (confirmingId === d.id) {
      return (
        <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
          <Button variant="danger" size="sm" busy={pendingId === d.id} onClick={() => revoke(d)}>
            Confirm revoke
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirmingId(null)}>
            Keep
          </Button>
        </span>
      );
    }
    return (
      <span className="ts-cluster" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap' }}>
        {d.status === 'locked' ? (
          <Button
            variant="secondary"
            size="sm"
            busy={pendingId === d.id}
            aria-label={`Unlock ${d.name}`}
            onClick={() => unlock(d)}
          >
            Unlock
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            busy={pendingId === d.id}
            aria-label={`Lock ${d.name}`}
            onClick={() => lock(d)}
          >
            Lock
          </Button>
        )}
        {isAdmin && (
          <Button variant="ghost" size="sm" aria-label={`Revoke ${d.name}`} onClick={() => setConfirmingId(d.id)}>
            Revoke
          </Button>
        )}
      </span>
    );
  };

  const columns: Column<ScannerDevice>[] = [
    { key: 'name', header: 'Device', rowHeader: true, render: (d) => d.name },
    { key: 'gate', header: 'Gate', render: (d) => gateName(d.gateId) },
    {
      key: 'status',
      header: 'Status',
      render: (d) => (
        <span data-testid="device-status">
          <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
        </span>
      ),
    },
    { key: 'seen', header: 'Last seen', render: (d) => (d.lastSeenAt ? formatTimestamp(d.lastSeenAt) : 'Never') },
    { key: 'created', header: 'Registered', render: (d) => formatTimestamp(d.createdAt) },
    { key: 'actions', header: <span className="ts-visually-hidden">Actions</span>, align: 'end', render: actions },
  ];

  return (
    <section className="ts-stack" aria-labelledby="entry-devices-title">
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <h2 id="entry-devices-title" style={{ margin: 0 }}>
            Scanner devices
          </h2>
          <p className="ts-muted" style={{ margin: 'var(--space-1) 0 0' }}>
            Handhelds and turnstiles with their own key. A locked device is refused until unlocked; a revoked one for
            good.
          </p>
        </div>
        {isAdmin && !registering && (
          <Button
            onClick={() => {
              setRegistering(true);
              setCreated(null);
              setNotice('');
            }}
          >
            Register device
          </Button>
        )}
      </div>
      {!isAdmin && <p className="ts-muted">Ask an administrator to register or revoke devices.</p>}
      {created && <DeviceKey device={created} onDone={() => setCreated(null)} />}
      {registering && (
        <RegisterDeviceForm
          eventId={eventId}
          gates={gates}
          onCancel={() => setRegistering(false)}
          onRegistered={(device) => {
            setRegistering(false);
            setCreated(device);
            devices.reload();
          }}
        />
      )}
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {notice}
      </p>
      <ErrorBanner error={error} title="The device did not change" />
      <ErrorBanner error={devices.error} title="The devices could not be loaded" />
      {devices.loading && !devices.data ? (
        <Loading>Loading devices…</Loading>
      ) : (
        devices.data && (
          <DataTable
            caption="Scanner devices"
            columns={columns}
            rows={devices.data.items}
            rowKey={(d) => d.id}
            busy={devices.loading}
            empty={
              <EmptyState title="No scanner devices yet">
                {isAdmin
                  ? 'Register one per handheld or turnstile; its key is shown once.'
                  : 'Devices registered by an administrator appear here.'}
              </EmptyState>
            }
          />
        )
      )}
    </section>
  );
}
