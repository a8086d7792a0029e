import { Button, ErrorBanner } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { getTicketsPdf, type PrintLayout } from './get-tickets-pdf.js';
import { clearPrintFrame, printPdf, type PrintOutcome } from './print-pdf.js';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; layout: PrintLayout }
  | { kind: 'done'; layout: PrintLayout; outcome: PrintOutcome }
  | { kind: 'failed'; error: unknown };

const LAYOUT_NAME: Record<PrintLayout, string> = { thermal: 'the ticket printer', a4: 'A4 paper' };

/** Prints the sale's tickets: on the counter's thermal printer, or on A4. */
export function PrintTickets({ purchaseId, count }: { purchaseId: string; count: number }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => clearPrintFrame, []);

  const print = async (layout: PrintLayout) => {
    setState({ kind: 'busy', layout });
    try {
      const pdf = await getTicketsPdf(purchaseId, layout);
      setState({ kind: 'done', layout, outcome: await printPdf(pdf) });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const busy = state.kind === 'busy' ? state.layout : null;
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-2)' }}>
      <div className="ts-cluster">
        <Button
          variant="secondary"
          size="lg"
          busy={busy === 'thermal'}
          disabled={busy !== null || count === 0}
          onClick={() => void print('thermal')}
        >
          Print tickets
        </Button>
        <Button
          variant="secondary"
          size="lg"
          busy={busy === 'a4'}
          disabled={busy !== null || count === 0}
          onClick={() => void print('a4')}
        >
          Print A4
        </Button>
      </div>
      <div role="status" data-testid="print-status">
        {state.kind === 'busy' && (
          <p className="ts-muted">Preparing {count === 1 ? 'the ticket' : `${count} tickets`}…</p>
        )}
        {state.kind === 'done' && <Outcome layout={state.layout} outcome={state.outcome} />}
      </div>
      {state.kind === 'failed' && <ErrorBanner error={state.error} title="The tickets could not be printed" />}
    </div>
  );
}

function Outcome({ layout, outcome }: { layout: PrintLayout; outcome: PrintOutcome }) {
  switch (outcome.kind) {
    case 'dialog':
      return <p className="ts-muted">Print dialog opened: choose {LAYOUT_NAME[layout]}.</p>;
    case 'tab':
      return <p className="ts-muted">The tickets opened in a new tab; print them from there.</p>;
    case 'link':
      return (
        <p>
          <a href={outcome.url} target="_blank" rel="noopener">
            Open the tickets to print them
          </a>
        </p>
      );
  }
}
