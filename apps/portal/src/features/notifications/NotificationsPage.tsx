import { ApiProblem } from '@tessera/api-client';
import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  TextField,
  fieldErrors,
  useAsync,
  useSession,
} from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { getNotificationPreferences, type NotificationPreferences } from './get-notification-preferences.js';
import { updateNotificationPreferences } from './update-notification-preferences.js';

/** `/account/notifications`: email and SMS about your tickets. */
export function NotificationsPage() {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!user) {
    return (
      <EmptyState
        title="You are not signed in"
        action={<ButtonLink to="/sign-in?next=/account/notifications">Sign in</ButtonLink>}
      >
        Sign in to choose how we keep you posted.
      </EmptyState>
    );
  }
  return (
    <>
      <p style={{ margin: '0 0 var(--space-3)' }}>
        <Link to="/account">← Your account</Link>
      </p>
      <PageHeader title="Notifications" description="How we send your tickets, reminders and event changes." />
      <Preferences email={user.email} />
    </>
  );
}

function Preferences({ email }: { email: string }) {
  const saved = useAsync((signal) => getNotificationPreferences(signal), []);
  if (saved.loading && !saved.data) return <Loading>Loading your preferences…</Loading>;
  if (!saved.data) return <ErrorBanner error={saved.error} title="Your preferences could not be loaded" />;
  return <PreferencesForm initial={saved.data} email={email} />;
}

/** Spaces, dashes, dots and brackets people type in phone numbers; the API checks the rest (E.164). */
const compactPhone = (phone: string) => phone.replace(/[\s\-().]/g, '');

function PreferencesForm({ initial, email }: { initial: NotificationPreferences; email: string }) {
  const [byEmail, setByEmail] = useState(initial.email);
  const [bySms, setBySms] = useState(initial.sms);
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [phoneError, setPhoneError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = compactPhone(phone.trim());
    setPhoneError(undefined);
    setSavedAt(null);
    setBusy(true);
    setError(null);
    try {
      const result = await updateNotificationPreferences({ email: byEmail, sms: bySms, phone: number || null });
      setByEmail(result.email);
      setBySms(result.sms);
      setPhone(result.phone ?? '');
      setSavedAt(Date.now());
    } catch (failure) {
      setError(failure);
      const fields = fieldErrors(failure);
      if (fields.phone) setPhoneError(fields.phone);
      else if (failure instanceof ApiProblem && failure.code === 'PHONE_REQUIRED') setPhoneError(failure.detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="ts-card ts-form"
      style={{ maxWidth: '36rem' }}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Notification preferences"
    >
      <ErrorBanner error={error} title="Your preferences were not saved" hideFields={['phone']} />
      <fieldset className="ts-fieldset">
        <legend>Send me my tickets and updates by</legend>
        <div className="ts-checks">
          <label className="ts-check">
            <input type="checkbox" checked={byEmail} onChange={(event) => setByEmail(event.target.checked)} />
            <span>Email</span>
          </label>
          <label className="ts-check">
            <input type="checkbox" checked={bySms} onChange={(event) => setBySms(event.target.checked)} />
            <span>SMS</span>
          </label>
        </div>
        <p className="ts-hint" style={{ margin: 0 }}>
          Email goes to {email}; text messages to the mobile number below.
        </p>
      </fieldset>
      <TextField
        label="Mobile number"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint="Needed for SMS. Start with + and the country code, like +31612345678."
        required={bySms}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={phoneError}
      />
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" busy={busy}>
          Save preferences
        </Button>
        {savedAt && (
          <span className="ts-muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
