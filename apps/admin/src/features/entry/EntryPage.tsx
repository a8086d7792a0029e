import {
  Button,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  formatEventDateTime,
  hasAnyRole,
  navigate,
  useAsync,
  useRoute,
  useSession,
  withQuery,
} from '@tessera/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVisiblePolling } from '../../lib/use-visible-polling.js';
import './entry.css';
import { AccessSetupPanel } from './AccessSetupPanel.js';
import { EntryHeadline } from './EntryHeadline.js';
import { FlagsPanel } from './FlagsPanel.js';
import { getAccessSetup } from './get-access-setup.js';
import { getEntryStats } from './get-entry-stats.js';
import { getEvent } from './get-event.js';
import { listAccessLevels } from './list-access-levels.js';
import { listScannerDevices } from './list-scanner-devices.js';
import { listValidationFlags, type FlagFilter } from './list-validation-flags.js';
import { LiveStatsPanel } from './LiveStatsPanel.js';
import { ScannerDevicesPanel } from './ScannerDevicesPanel.js';

/** Live numbers and open flags refresh this often while the page is visible. */
const POLL_MS = 5_000;

const TABS = ['live', 'flags', 'setup', 'devices'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = {
  live: 'Live',
  flags: 'Flags',
  setup: 'Set-up',
  devices: 'Scanner devices',
};

const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** An event's entry: live admissions, fraud and conflict flags, gates and zones, and scanner devices. */
export function EntryPage({ eventId }: { eventId: string }) {
  const { user } = useSession();
  const { query } = useRoute();
  const requested = query.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'live';
  const [flagFilter, setFlagFilter] = useState<FlagFilter>('open');

  const event = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  const stats = useVisiblePolling((signal) => getEntryStats(eventId, signal), [eventId], POLL_MS);
  const flags = useVisiblePolling(
    (signal) => listValidationFlags(eventId, flagFilter, signal),
    [eventId, flagFilter],
    POLL_MS,
  );
  const setup = useAsync((signal) => getAccessSetup(eventId, signal), [eventId]);
  const levels = useAsync((signal) => listAccessLevels(eventId, signal), [eventId]);
  const devices = useAsync((signal) => listScannerDevices(eventId, signal), [eventId]);

  // A flag can name a device registered since the list loaded (from another console): load the list again, once per id.
  const askedFor = useRef(new Set<string>());
  const reloadDevices = devices.reload;
  useEffect(() => {
    if (!devices.data) return;
    const known = new Set(devices.data.items.map((d) => d.id));
    const unknown = (flags.data?.items ?? [])
      .map((f) => f.deviceId)
      .filter((id): id is string => !!id && !known.has(id) && !askedFor.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) askedFor.current.add(id);
    reloadDevices();
  }, [flags.data, devices.data, reloadDevices]);

  const gateNames = useMemo(() => new Map(setup.data?.gates.map((g) => [g.id, g.name]) ?? []), [setup.data]);
  const openFlags = flags.data?.items.filter((f) => !f.resolvedAt).length ?? 0;
  const back = (
    <p style={{ margin: '0 0 var(--space-3)' }}>
      <Link to={`/events/${eventId}`}>← {event.data?.name ?? 'The event'}</Link>
    </p>
  );

  if (event.loading && !event.data) return <Loading>Loading the event…</Loading>;
  if (!event.data) {
    return (
      <>
        {back}
        <ErrorBanner
          error={event.error}
          title="This event could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={event.reload}>
              Try again
            </Button>
          }
        />
      </>
    );
  }

  const { name, startsAt, timezone, venue } = event.data;
  return (
    <>
      {back}
      <PageHeader
        title={`Entry: ${name}`}
        description={
          <>
            {formatEventDateTime(startsAt, timezone)}
            {venue && ` · ${venue.name}`}
          </>
        }
      />
      <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
        <EntryHeadline stats={stats} intervalSeconds={POLL_MS / 1000} />
        <div className="ts-cluster" role="group" aria-label="Entry sections">
          {TABS.map((t) => (
            <Button
              key={t}
              size="sm"
              variant={tab === t ? 'primary' : 'secondary'}
              aria-pressed={tab === t}
              onClick={() =>
                navigate(withQuery(`/events/${eventId}/entry`, { tab: t === 'live' ? null : t }), { replace: true })
              }
            >
              {TAB_LABELS[t]}
              {t === 'flags' && openFlags > 0 && ` (${openFlags} open)`}
            </Button>
          ))}
        </div>
        {tab === 'live' && <LiveStatsPanel stats={stats.data} timeZone={timezone} />}
        {tab === 'flags' && (
          <FlagsPanel
            flags={flags}
            filter={flagFilter}
            onFilterChange={setFlagFilter}
            devices={devices.data?.items ?? []}
            gateNames={gateNames}
            onDeviceChanged={devices.reload}
          />
        )}
        {tab === 'setup' && (
          <AccessSetupPanel
            eventId={eventId}
            setup={setup.data}
            loading={setup.loading}
            error={setup.error}
            levels={levels.data ?? []}
            levelsError={levels.error}
            onChanged={setup.reload}
          />
        )}
        {tab === 'devices' && (
          <ScannerDevicesPanel
            eventId={eventId}
            devices={devices}
            gates={setup.data?.gates ?? []}
            isAdmin={hasAnyRole(user, ['admin'])}
          />
        )}
      </div>
    </>
  );
}
