import { ButtonLink, Link, Loading, PageHeader, navigate, useSession } from '@tessera/ui';
import { MySupportTickets } from './MySupportTickets.js';
import { NewSupportTicketForm } from './NewSupportTicketForm.js';

const QUESTIONS = [
  {
    q: 'How do I get my tickets?',
    a: 'After checkout your tickets appear under My tickets. Show the code on your phone, or printed, at the gate.',
  },
  {
    q: 'Can I share a ticket?',
    a: 'Each code admits one person once. Whoever shows it first gets in, so only share it with the person who will use it.',
  },
  {
    q: 'What if an event is canceled?',
    a: 'The event page shows it as canceled, and the organiser contacts everyone with a ticket.',
  },
  {
    q: 'I forgot my password.',
    a: 'Contact the organiser of your event; they can help you get back into your account.',
  },
];

/** Signed in: the customer's support requests and a form to open one. Signed out: a way in. */
function SupportRequests() {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!user) {
    return (
      <p>
        <ButtonLink to="/sign-in?next=/help">Sign in to contact support</ButtonLink>
      </p>
    );
  }
  return (
    <div className="ts-stack">
      <MySupportTickets />
      <h2 id="ask-title">Ask for help</h2>
      <NewSupportTicketForm onOpened={(id) => navigate(`/help/${id}`)} />
    </div>
  );
}

export function HelpPage() {
  return (
    <>
      <PageHeader title="Help" description="Answers to common questions, and your support requests." />
      <section
        aria-labelledby="requests-title"
        className="ts-stack"
        style={{ maxWidth: '44rem', marginBottom: 'var(--space-6)' }}
      >
        <h2 id="requests-title">Your support requests</h2>
        <SupportRequests />
      </section>
      <h2>Common questions</h2>
      <div className="ts-stack" style={{ maxWidth: '44rem' }}>
        {QUESTIONS.map(({ q, a }) => (
          <details key={q} className="ts-card" style={{ padding: 'var(--space-4)' }}>
            <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{q}</summary>
            <p style={{ marginTop: 'var(--space-3)' }}>{a}</p>
          </details>
        ))}
        <p className="ts-muted">
          Still stuck? Ask us above, or find your event on the <Link to="/">events page</Link> for the organiser&apos;s
          details.
        </p>
      </div>
    </>
  );
}
