import { Button, Link, TextField, formatEventDateTime, useAsync } from '@tessera/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { loadStation, saveStation, type Direction } from '../../lib/station.js';
import { CameraPanel } from './CameraPanel.js';
import { checkTicket, failedCheck, type CheckResult, type ScanContext } from './check-ticket.js';
import { signalVerdict, unlockSound } from './feedback.js';
import { getEvent } from './get-event.js';
import { OfflineBar } from './OfflineBar.js';
import { toneOf, type ShownOutcome } from './outcome.js';
import { ScanResult } from './ScanResult.js';
import { StationBar } from './StationBar.js';
import { useCameraScanner } from './use-camera-scanner.js';
import { useOfflineSync } from './use-offline-sync.js';

/** A green verdict clears itself after this; red and amber stay until the next scan or a tap. */
const ADMITTED_SHOWN_MS = 4_000;

/** The station saved for this event, or the main entrance on entry. */
function initialStation(eventId: string) {
  const saved = loadStation();
  return saved?.eventId === eventId
    ? { gateId: saved.gateId, direction: saved.direction, eventName: saved.eventName }
    : { gateId: null, direction: 'entry' as Direction, eventName: null };
}

export function ScanPage({ eventId }: { eventId: string }) {
  const event = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  const sync = useOfflineSync(eventId);
  const [station, setStation] = useState(() => initialStation(eventId));
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);
  const [tally, setTally] = useState({ admitted: 0, rejected: 0 });
  const checking = useRef(false);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const access = sync.data?.access ?? null;
  // Offline the event cannot be loaded; the name saved with the station still shows.
  const eventName = event.data?.name ?? station.eventName;
  const gate = access?.gates.find((g) => g.id === station.gateId) ?? null;

  // A gate that is gone from the event's setup falls back to the main entrance.
  useEffect(() => {
    if (access && station.gateId && !gate) setStation((s) => ({ ...s, gateId: null }));
  }, [access, station.gateId, gate]);

  useEffect(() => {
    saveStation({ eventId, eventName, gateId: station.gateId, direction: station.direction });
  }, [eventId, eventName, station.gateId, station.direction]);

  const context = useMemo<ScanContext>(() => {
    const list = gate ? access?.checkInLists.find((l) => l.id === gate.checkInListId) : undefined;
    const defaultList = access?.checkInLists.find((l) => l.isDefault);
    return {
      eventId,
      // Until the gates are known (offline, nothing saved yet), the chosen gate is taken as it is.
      gateId: access ? (gate?.id ?? null) : station.gateId,
      direction: station.direction,
      // Scans without a gate count on the event's default list, like a gate on that list.
      listKey: gate && !list?.isDefault ? gate.checkInListId : 'default',
      allowReentry: (list ?? defaultList)?.allowReentry ?? false,
    };
  }, [eventId, gate, access, station.gateId, station.direction]);

  const { reportNetwork } = sync;
  const check = useCallback(
    async (value: string) => {
      if (!value.trim() || checking.current) return;
      checking.current = true;
      setBusy(true);
      try {
        const result = await checkTicket(value, context).catch((): CheckResult => ({
          outcome: failedCheck(value, context),
          network: 'skipped',
        }));
        if (result.network !== 'skipped') reportNetwork(result.network === 'up');
        setOutcome({ ...result.outcome, seq: ++seq.current });
        signalVerdict(toneOf(result.outcome));
        const { verdict } = result.outcome;
        if (verdict !== 'unchecked') setTally((t) => ({ ...t, [verdict]: t[verdict] + 1 }));
      } finally {
        checking.current = false;
        setBusy(false);
      }
    },
    [context, reportNetwork],
  );

  const camera = useCameraScanner((scanned) => void check(scanned));

  const submit = (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    unlockSound();
    const value = code;
    setCode('');
    void check(value).then(() => input.current?.focus());
  };

  const dismiss = useCallback(() => setOutcome(null), []);

  useEffect(() => {
    if (!outcome || outcome.verdict !== 'admitted' || outcome.offline) return;
    const timer = setTimeout(() => setOutcome((o) => (o?.seq === outcome.seq ? null : o)), ADMITTED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  return (
    <div className="ts-stack" style={{ gap: 'var(--space-4)' }}>
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <h1 style={{ margin: 0 }}>{eventName ?? 'Scan tickets'}</h1>
          {event.data && (
            <p className="ts-muted" style={{ margin: 0 }}>
              {formatEventDateTime(event.data.startsAt, event.data.timezone)}
              {event.data.venue && ` · ${event.data.venue.name}`}
            </p>
          )}
          {event.error ? (
            <p className="ts-muted" style={{ margin: 0 }}>
              Event details could not be loaded; scanning still works.
            </p>
          ) : null}
        </div>
        <Link to="/">Change event</Link>
      </div>

      <StationBar
        access={access}
        gateId={station.gateId}
        direction={station.direction}
        onGate={(gateId) => setStation((s) => ({ ...s, gateId }))}
        onDirection={(direction) => setStation((s) => ({ ...s, direction }))}
      />

      <OfflineBar
        online={sync.online}
        queued={sync.queued}
        syncing={sync.syncing}
        report={sync.report}
        syncError={sync.syncError}
        data={sync.data}
        list={sync.list}
        onSync={sync.syncNow}
        onListWanted={sync.setListWanted}
      />

      <div className="scan-verdict">
        {outcome ? (
          <ScanResult key={outcome.seq} outcome={outcome} onDismiss={dismiss} />
        ) : (
          <div className="scan-ready">
            {busy
              ? 'Checking…'
              : `Ready: ${station.direction === 'entry' ? 'entry' : 'exit'} at ${gate?.name ?? 'the main entrance'}`}
          </div>
        )}
      </div>

      <CameraPanel
        videoRef={camera.videoRef}
        status={camera.status}
        error={camera.error}
        onStart={() => {
          unlockSound();
          void camera.start();
        }}
        onStop={camera.stop}
      />

      <form className="ts-form" onSubmit={submit} aria-label="Check a ticket by its code">
        <TextField
          ref={input}
          label="Ticket code"
          hint="Type the code, or use a handheld scanner."
          size="xl"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" size="lg" block busy={busy}>
          Check code
        </Button>
      </form>

      <p className="ts-muted" aria-live="polite">
        Checked on this device: {tally.admitted} let in, {tally.rejected} turned away
      </p>
    </div>
  );
}
