import { Button } from '@tessera/ui';
import { toDataURL, type QRCodeToDataURLOptions } from 'qrcode';
import { useEffect, useRef, useState } from 'react';

// Drawn on the phone from the signed code, so it shows without a connection. Quiet zone of 4
// modules and medium error correction, as gate scanners expect; drawn large and scaled with
// crisp pixels so it stays sharp full screen.
const QR_OPTIONS: QRCodeToDataURLOptions = { errorCorrectionLevel: 'M', margin: 4, width: 720 };

function useQrDataUrl(code: string): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ code: string; url: string | null; failed: boolean }>({
    code,
    url: null,
    failed: false,
  });
  useEffect(() => {
    let active = true;
    toDataURL(code, QR_OPTIONS).then(
      (url) => active && setState({ code, url, failed: false }),
      () => active && setState({ code, url: null, failed: true }),
    );
    return () => {
      active = false;
    };
  }, [code]);
  return state.code === code ? state : { url: null, failed: false };
}

/** Keeps the screen on while the code is shown full screen (where the browser allows it). */
function useWakeLock(on: boolean): void {
  useEffect(() => {
    if (!on || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let active = true;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        if (active) lock = sentinel;
        else void sentinel.release();
      },
      () => undefined,
    );
    return () => {
      active = false;
      void lock?.release();
    };
  }, [on]);
}

export interface TicketQrProps {
  code: string;
  /** Names the image for screen readers, e.g. "QR code for ticket 1A2B3C4D". */
  label: string;
}

/** The ticket's QR code, with a full-screen mode for the gate. */
export function TicketQr({ code, label }: TicketQrProps) {
  const qr = useQrDataUrl(code);
  const frame = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  // Where the Fullscreen API is missing (iPhone Safari), the frame covers the page instead.
  const [overlay, setOverlay] = useState(false);
  const full = fullscreen || overlay;
  useWakeLock(full);

  useEffect(() => {
    const onChange = () => setFullscreen(!!frame.current && document.fullscreenElement === frame.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    if (!overlay) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOverlay(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [overlay]);

  useEffect(() => {
    if (full) close.current?.focus();
  }, [full]);

  const enter = () => {
    const el = frame.current;
    if (el && document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      el.requestFullscreen({ navigationUI: 'hide' }).catch(() => setOverlay(true));
    } else {
      setOverlay(true);
    }
  };

  const exit = () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    setOverlay(false);
  };

  return (
    <div className="ticket-qr">
      <div
        ref={frame}
        className={overlay ? 'ticket-qr__frame ticket-qr__frame--overlay' : 'ticket-qr__frame'}
        data-testid="ticket-qr-frame"
        role={overlay ? 'dialog' : undefined}
        aria-modal={overlay || undefined}
        aria-label={overlay ? 'Ticket code, full screen' : undefined}
      >
        {qr.url ? (
          <img className="ticket-qr__image" src={qr.url} alt={label} data-testid="ticket-qr" />
        ) : qr.failed ? (
          <p className="ticket-qr__fallback">
            The QR code could not be drawn. Show this code at the gate:
            <code>{code}</code>
          </p>
        ) : (
          <p className="ticket-qr__placeholder ts-muted" role="status">
            Drawing the code…
          </p>
        )}
        {full && (
          <>
            <p className="ticket-qr__hint">Turn your screen brightness all the way up for the scanner.</p>
            <Button ref={close} variant="secondary" onClick={exit}>
              Close
            </Button>
          </>
        )}
      </div>
      <p className="ts-muted ticket-qr__note">Show this code at the gate. It works without a connection.</p>
      <Button variant="secondary" block onClick={enter} disabled={!qr.url}>
        Full screen
      </Button>
    </div>
  );
}
