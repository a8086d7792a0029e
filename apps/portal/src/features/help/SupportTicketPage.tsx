import {
  Badge,
  Button,
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  TextArea,
  formatTimestamp,
  useAsync,
  useSession,
  withQuery,
} from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { getSupportTicket } from './get-support-ticket.js';
import { replySupportTicket } from './reply-support-ticket.js';
import { SUPPORT_STATUS } from './support-status.js';

/** `/help/:id`: one of the customer's support requests, the conversation, and a reply box. */
export function SupportTicketPage({ id }: { id: string }) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!user) {
    return (
      <EmptyState
        title="Sign in to see your request"
        action={<ButtonLink to={withQuery('/sign-in', { next: `/help/${id}` })}>Sign in</ButtonLink>}
      />
    );
  }
  return <Conversation id={id} />;
}

function Conversation({ id }: { id: string }) {
  const ticket = useAsync((signal) => getSupportTicket(id, signal), [id]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (ticket.loading && !ticket.data) return <Loading />;
  if (!ticket.data) {
    return (
      <>
        <ErrorBanner error={ticket.error} />
        <Link to="/help">Back to help</Link>
      </>
    );
  }
  const t = ticket.data;
  const state = SUPPORT_STATUS[t.status];

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await replySupportTicket(id, text.trim());
      setText('');
      ticket.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={`#${t.number} ${t.subject}`}
        description={
          <>
            <Badge tone={state.tone}>{state.label}</Badge> · opened {formatTimestamp(t.createdAt)}
          </>
        }
        actions={<Link to="/help">All your requests</Link>}
      />
      <div className="ts-stack" style={{ maxWidth: '44rem' }}>
        <ol className="ts-stack" aria-label="Conversation" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {t.messages.map((m) => (
            <li
              key={m.id}
              className="ts-card"
              data-testid="support-message"
              style={m.authorKind === 'staff' ? { borderLeft: '4px solid var(--color-primary, #4338ca)' } : undefined}
            >
              <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
                <strong>{m.authorKind === 'staff' ? `${m.author?.name ?? 'Support'} (support)` : 'You'}</strong> ·{' '}
                {formatTimestamp(m.createdAt)}
              </p>
              <p style={{ whiteSpace: 'pre-wrap', margin: 'var(--space-2) 0 0' }}>{m.body}</p>
            </li>
          ))}
        </ol>
        {t.status === 'closed' ? (
          <p className="ts-muted">This request is closed. If you need more help, open a new one.</p>
        ) : (
          <form className="ts-card ts-form ts-stack" aria-label="Reply" onSubmit={(e) => void send(e)}>
            <TextArea label="Your reply" value={text} rows={4} onChange={(e) => setText(e.target.value)} />
            <ErrorBanner error={error} />
            <div>
              <Button type="submit" busy={busy} disabled={!text.trim()}>
                Send reply
              </Button>
            </div>
          </form>
        )}
      </div>
    </>
  );
}
