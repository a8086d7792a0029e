import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession, type User } from '../session.js';
import { Button } from './Button.js';
import { ErrorBanner } from './ErrorBanner.js';
import { TextField } from './TextField.js';

export interface SignInFormProps {
  title?: ReactNode;
  description?: ReactNode;
  onSignedIn?: (user: User) => void;
  /** Shown under the form, e.g. a link to registration. */
  footer?: ReactNode;
}

/** Email and password sign-in through the session; shows the API's reason when refused. */
export function SignInForm({ title = 'Sign in', description, onSignedIn, footer }: SignInFormProps) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(email.trim(), password);
      onSignedIn?.(user);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="ts-card ts-card--narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{title}</h1>
      {description && <p className="ts-muted">{description}</p>}
      <form className="ts-form" onSubmit={(event) => void submit(event)}>
        <ErrorBanner error={error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" busy={busy} block>
          Sign in
        </Button>
      </form>
      {footer && <div style={{ marginTop: 'var(--space-4)' }}>{footer}</div>}
    </section>
  );
}
