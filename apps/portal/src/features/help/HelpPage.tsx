import { Link, PageHeader } from '@tessera/ui';

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

export function HelpPage() {
  return (
    <>
      <PageHeader title="Help" description="Answers to common questions about tickets and accounts." />
      <div className="ts-stack" style={{ maxWidth: '44rem' }}>
        {QUESTIONS.map(({ q, a }) => (
          <details key={q} className="ts-card" style={{ padding: 'var(--space-4)' }}>
            <summary style={{ cursor: 'pointer', fontWeight: 600 }}>{q}</summary>
            <p style={{ marginTop: 'var(--space-3)' }}>{a}</p>
          </details>
        ))}
        <p className="ts-muted">
          Still stuck? Find your event on the <Link to="/">events page</Link> for the organiser&apos;s details.
        </p>
      </div>
    </>
  );
}
