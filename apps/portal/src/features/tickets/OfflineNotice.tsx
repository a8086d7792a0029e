import { Button } from '@tessera/ui';
import { useEffect } from 'react';

/** Says the tickets shown are the saved copy, and loads them again once the connection is back. */
export function OfflineNotice({ onRetry }: { onRetry: () => void }) {
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);
  return (
    <div className="ts-alert ts-alert--warning ticket-offline" role="status" data-testid="offline-banner">
      <p className="ts-alert__title">Offline — showing saved tickets</p>
      <p>Your codes still work at the gate. Changes made since they were saved do not show here.</p>
      <div>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}
