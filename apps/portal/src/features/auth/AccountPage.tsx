import { Button, ButtonLink, EmptyState, Link, Loading, PageHeader, navigate, useSession } from '@tessera/ui';

export function AccountPage() {
  const { status, user, signOut } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!user) {
    return (
      <EmptyState title="You are not signed in" action={<ButtonLink to="/sign-in?next=/account">Sign in</ButtonLink>}>
        Sign in to see your account.
      </EmptyState>
    );
  }
  return (
    <>
      <PageHeader title="Your account" />
      <section className="ts-card" aria-labelledby="profile-title" style={{ maxWidth: '36rem' }}>
        <h2 id="profile-title">Profile</h2>
        <dl className="ts-details">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <div className="ts-cluster">
          <ButtonLink to="/tickets" variant="secondary">
            My tickets
          </ButtonLink>
          <ButtonLink to="/orders" variant="secondary">
            My orders
          </ButtonLink>
          <Button
            variant="secondary"
            onClick={() => {
              void signOut().then(() => navigate('/'));
            }}
          >
            Sign out
          </Button>
        </div>
      </section>
      <section
        className="ts-card"
        aria-labelledby="notifications-title"
        style={{ maxWidth: '36rem', marginTop: 'var(--space-4)' }}
      >
        <h2 id="notifications-title">Notifications</h2>
        <p className="ts-muted">Choose email or SMS for your tickets, reminders and event changes.</p>
        <ButtonLink to="/account/notifications" variant="secondary">
          Notification settings
        </ButtonLink>
      </section>
      <p className="ts-muted" style={{ marginTop: 'var(--space-4)' }}>
        Questions about an order? See <Link to="/help">Help</Link>.
      </p>
    </>
  );
}
