import {
  Button,
  ErrorBanner,
  Link,
  TextField,
  fieldErrors,
  navigate,
  useRoute,
  useSession,
  withQuery,
} from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { nextPath } from './next-path.js';
import { register } from './register.js';

const MIN_PASSWORD = 10;

export function RegisterPage() {
  const { query } = useRoute();
  const { establish } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      establish(await register({ name: name.trim(), email: email.trim(), password }));
      navigate(nextPath(query, '/account'), { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="ts-card ts-card--narrow" aria-labelledby="register-title">
      <h1 id="register-title">Create an account</h1>
      <p className="ts-muted">Your tickets are kept in your account.</p>
      <form className="ts-form" onSubmit={(event) => void submit(event)}>
        <ErrorBanner error={error} hideFields={['name', 'email', 'password']} />
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          hint={`At least ${MIN_PASSWORD} characters.`}
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" busy={busy} block>
          Create account
        </Button>
      </form>
      <p className="ts-muted" style={{ marginTop: 'var(--space-4)', marginBottom: 0 }}>
        Already have an account? <Link to={withQuery('/sign-in', { next: query.get('next') })}>Sign in</Link>
      </p>
    </section>
  );
}
