import { Link, SignInForm, navigate, useRoute, useSession, withQuery } from '@tessera/ui';
import { useEffect } from 'react';
import { nextPath } from './next-path.js';

export function SignInPage() {
  const { query } = useRoute();
  const { status } = useSession();
  const next = nextPath(query);

  // Someone already signed in (or restored on reload) goes straight on.
  useEffect(() => {
    if (status === 'signed-in') navigate(next, { replace: true });
  }, [status, next]);

  return (
    <SignInForm
      description="Sign in to see your tickets and check out faster."
      onSignedIn={() => navigate(next, { replace: true })}
      footer={
        <p className="ts-muted" style={{ margin: 0 }}>
          New here? <Link to={withQuery('/register', { next: query.get('next') })}>Create an account</Link>
        </p>
      }
    />
  );
}
