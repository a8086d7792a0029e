import {
  Badge,
  Button,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Select,
  formatTimestamp,
  useAsync,
  useSession,
} from '@tessera/ui';
import { addSupportNote } from './add-support-note.js';
import { Conversation } from './Conversation.js';
import { getSupportTicket } from './get-support-ticket.js';
import { listSupportAgents } from './list-support-agents.js';
import type { SupportPriority } from './list-support-tickets.js';
import { MessageForm } from './MessageForm.js';
import { replySupportTicket } from './reply-support-ticket.js';
import {
  NEXT_STATUSES,
  PRIORITY_LABELS,
  STATUS_ACTIONS,
  STATUS_LABELS,
  STATUS_TONES,
  duration,
} from './support-labels.js';
import { updateSupportTicket, type SupportTicketChange } from './update-support-ticket.js';
import { useAction } from '../../lib/use-action.js';

const PRIORITIES = Object.keys(PRIORITY_LABELS) as SupportPriority[];

/** `/support/:id`: one ticket, its conversation, and what an agent does with it. */
export function SupportTicketPage({ id }: { id: string }) {
  const { user } = useSession();
  const ticket = useAsync((signal) => getSupportTicket(id, signal), [id]);
  const agents = useAsync((signal) => listSupportAgents(signal), []);
  const action = useAction();

  const change = (patch: SupportTicketChange, notice: string) =>
    void action.run(async () => {
      await updateSupportTicket(id, patch);
      ticket.reload();
      return notice;
    });

  if (ticket.loading && !ticket.data) return <Loading />;
  if (!ticket.data) return <ErrorBanner error={ticket.error} />;
  const t = ticket.data;
  const assignedToMe = user && t.assigneeId === user.id;

  return (
    <>
      <PageHeader
        title={`#${t.number} ${t.subject}`}
        description={
          <>
            <Badge tone={STATUS_TONES[t.status]}>{STATUS_LABELS[t.status]}</Badge> · opened{' '}
            {formatTimestamp(t.createdAt)} by {t.customer?.name ?? 'a customer'}
          </>
        }
        actions={<Link to="/support">Back to the queue</Link>}
      />
      <ErrorBanner error={action.error ?? ticket.error} />
      <p role="status" className="ts-muted">
        {action.notice}
      </p>
      <div className="ts-grid" style={{ alignItems: 'start' }}>
        <section className="ts-stack" aria-labelledby="conversation-title" style={{ gridColumn: 'span 2' }}>
          <h2 id="conversation-title">Conversation</h2>
          <Conversation messages={t.messages} />
          {t.status !== 'closed' && (
            <MessageForm
              label="Reply to the customer"
              submitLabel="Send reply"
              hint="The customer sees this and gets it by email."
              onSend={async (message) => {
                await replySupportTicket(id, message);
                ticket.reload();
              }}
            />
          )}
          <MessageForm
            label="Internal note"
            submitLabel="Add note"
            hint="Only staff see notes; the customer never does."
            onSend={async (message) => {
              await addSupportNote(id, message);
              ticket.reload();
            }}
          />
        </section>
        <aside className="ts-card ts-stack" aria-label="Ticket details">
          <dl className="ts-details">
            <div>
              <dt>Customer</dt>
              <dd>
                {t.customer?.name ?? '—'}
                <br />
                <span className="ts-muted" style={{ wordBreak: 'break-all' }}>
                  {t.customer?.email}
                </span>
              </dd>
            </div>
            {t.purchaseId && (
              <div>
                <dt>Purchase</dt>
                <dd>
                  <Link to={`/purchases/${t.purchaseId}`}>
                    <code>{t.purchaseId.slice(0, 8).toUpperCase()}</code>
                  </Link>
                </dd>
              </div>
            )}
            <div>
              <dt>First response</dt>
              <dd data-testid="first-response">{duration(t.firstResponseSeconds)}</dd>
            </div>
            <div>
              <dt>Resolution</dt>
              <dd>{duration(t.resolutionSeconds)}</dd>
            </div>
          </dl>
          <Select
            label="Assignee"
            value={t.assigneeId ?? ''}
            disabled={action.busy}
            onChange={(e) =>
              change(
                { assigneeId: e.target.value || null },
                e.target.value ? 'Assigned the ticket.' : 'Unassigned the ticket.',
              )
            }
            options={[
              { value: '', label: 'Unassigned' },
              ...(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          {user && !assignedToMe && (
            <Button
              variant="secondary"
              disabled={action.busy}
              onClick={() => change({ assigneeId: user.id }, 'Assigned to you.')}
            >
              Assign to me
            </Button>
          )}
          <Select
            label="Priority"
            value={t.priority}
            disabled={action.busy}
            onChange={(e) =>
              change(
                { priority: e.target.value as SupportPriority },
                `Priority set to ${PRIORITY_LABELS[e.target.value as SupportPriority]}.`,
              )
            }
            options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          />
          <div className="ts-cluster" role="group" aria-label="Status">
            {NEXT_STATUSES[t.status].map((next) => (
              <Button
                key={next}
                variant={next === 'resolved' ? 'primary' : 'secondary'}
                disabled={action.busy}
                onClick={() => change({ status: next }, `Status: ${STATUS_LABELS[next]}.`)}
              >
                {STATUS_ACTIONS[next]}
              </Button>
            ))}
          </div>
        </aside>
      </div>
    </>
  );
}
