import { Button, ErrorBanner } from '@tessera/ui';
import { useState } from 'react';
import { downloadTicketPdf, saveFile } from './download-ticket-pdf.js';
import { resendTicket } from './resend-ticket.js';

type Sending = { state: 'idle' } | { state: 'busy' } | { state: 'sent' } | { state: 'failed'; error: unknown };

/** A PDF copy of the ticket, or the ticket by email again. */
export function TicketCopies({ ticketId, email }: { ticketId: string; email: string | null }) {
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [sending, setSending] = useState<Sending>({ state: 'idle' });

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const pdf = await downloadTicketPdf(ticketId);
      saveFile(pdf, `tessera-ticket-${ticketId.slice(0, 8)}.pdf`);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };

  const resend = async () => {
    setSending({ state: 'busy' });
    try {
      await resendTicket(ticketId);
      setSending({ state: 'sent' });
    } catch (error) {
      setSending({ state: 'failed', error });
    }
  };

  return (
    <section className="ts-card ts-stack" aria-labelledby="copies-title" style={{ gap: 'var(--space-3)' }}>
      <h2 id="copies-title" style={{ margin: 0 }}>
        Keep a copy
      </h2>
      <p className="ts-muted" style={{ margin: 0 }}>
        Print the PDF or keep it on your phone; the email has the same ticket.
      </p>
      <div className="ts-cluster">
        <Button variant="secondary" busy={downloading} onClick={() => void download()}>
          Download PDF
        </Button>
        <Button variant="secondary" busy={sending.state === 'busy'} onClick={() => void resend()}>
          Send again
        </Button>
      </div>
      <ErrorBanner error={downloadError} title="The PDF could not be downloaded" />
      {sending.state === 'failed' && <ErrorBanner error={sending.error} title="The email was not sent" />}
      {sending.state === 'sent' && (
        <p className="ts-alert ts-alert--success" role="status" data-testid="resend-confirmation">
          {email ? `On its way to ${email}.` : 'On its way to your email address.'} It can take a few minutes.
        </p>
      )}
    </section>
  );
}
