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
      <p className="ts-muted" style={{ marginTop: 'var(--space-4)' }}>
        Questions about an order? See <Link to="/help">Help</Link>.
      </p>
    </>
  );
}
