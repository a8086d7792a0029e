import { ButtonLink, EmptyState, Loading, PageHeader, useSession } from '@tessera/ui';

export function MyTicketsPage() {
  const { status, user } = useSession();
  return (
    <>
      <PageHeader title="My tickets" />
      {status === 'restoring' ? (
        <Loading />
      ) : user ? (
        <EmptyState title="No tickets yet" action={<ButtonLink to="/">Browse events</ButtonLink>}>
          Your tickets will appear here after purchase.
        </EmptyState>
      ) : (
        <EmptyState
          title="Sign in to see your tickets"
          action={<ButtonLink to="/sign-in?next=/tickets">Sign in</ButtonLink>}
        >
          Your tickets will appear here after purchase.
        </EmptyState>
      )}
    </>
  );
}
