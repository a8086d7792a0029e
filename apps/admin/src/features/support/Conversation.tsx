import { Badge, EmptyState, formatTimestamp } from '@tessera/ui';
import type { SupportMessage } from './get-support-ticket.js';

/** The conversation, oldest first; internal notes are marked and set apart. */
export function Conversation({ messages }: { messages: readonly SupportMessage[] }) {
  if (messages.length === 0) return <EmptyState title="No messages yet" />;
  return (
    <ol className="ts-stack" aria-label="Conversation" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {messages.map((m) => (
        <li
          key={m.id}
          className="ts-card"
          data-testid={m.internal ? 'support-note' : 'support-message'}
          style={
            m.internal
              ? {
                  borderLeft: '4px solid var(--color-warning, #d97706)',
                  background: 'var(--color-warning-soft, #fff8e6)',
                }
              : m.authorKind === 'staff'
                ? { borderLeft: '4px solid var(--color-primary, #4338ca)' }
                : undefined
          }
        >
          <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
            <strong>{m.author?.name ?? (m.authorKind === 'staff' ? 'Staff' : 'Customer')}</strong>
            {' · '}
            {m.authorKind === 'staff' ? 'Staff' : 'Customer'} · {formatTimestamp(m.createdAt)}{' '}
            {m.internal && <Badge tone="warning">Internal note</Badge>}
          </p>
          <p style={{ whiteSpace: 'pre-wrap', margin: 'var(--space-2) 0 0' }}>{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
