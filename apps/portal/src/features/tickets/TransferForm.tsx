import { ApiProblem } from '@tessera/api-client';
import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { transferTicket } from './transfer-ticket.js';

type Step = 'closed' | 'form' | 'confirm';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface TransferFormProps {
  ticketId: string;
  /** Called with the recipient's email once the ticket is theirs. */
  onTransferred: (email: string) => void;
}

/** Gives the ticket to someone else, after a confirmation step: this ticket stops working. */
export function TransferForm({ ticketId, onTransferred }: TransferFormProps) {
  const [step, setStep] = useState<Step>('closed');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [emailError, setEmailError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const review = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setEmailError('Enter the email address of the person you are giving the ticket to.');
      return;
    }
    setEmailError(undefined);
    setError(null);
    setStep('confirm');
  };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const holder = name.trim();
      const result = await transferTicket(ticketId, { email: email.trim(), ...(holder ? { name: holder } : {}) });
      onTransferred(result.transferredTo);
    } catch (failure) {
      setBusy(false);
      setError(failure);
      // Something to correct in the form (an invalid or your own address): go back to it.
      if (failure instanceof ApiProblem && (failure.status === 400 || failure.status === 422)) {
        setEmailError(fieldErrors(failure).email ?? (failure.code === 'TRANSFER_TO_SELF' ? failure.detail : undefined));
        setStep('form');
      }
    }
  };

  const cancel = () => {
    setStep('closed');
    setError(null);
    setEmailError(undefined);
  };

  return (
    <section className="ts-card ts-stack" aria-labelledby="transfer-title" style={{ gap: 'var(--space-3)' }}>
      <h2 id="transfer-title" style={{ margin: 0 }}>
        Give it to someone else
      </h2>
      {step === 'closed' && (
        <>
          <p className="ts-muted" style={{ margin: 0 }}>
            They get a new ticket by email, and this one stops working.
          </p>
          <div>
            <Button variant="secondary" onClick={() => setStep('form')}>
              Transfer
            </Button>
          </div>
        </>
      )}
      {step === 'form' && (
        <form className="ts-form" onSubmit={review} noValidate aria-label="Transfer ticket">
          <ErrorBanner error={error} title="The ticket was not transferred" hideFields={['email', 'name']} />
          <TextField
            label="Recipient's email"
            type="email"
            autoComplete="off"
            inputMode="email"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={emailError}
          />
          <TextField
            label="Recipient's name (optional)"
            autoComplete="off"
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors(error).name}
          />
          <div className="ts-cluster">
            <Button type="submit">Review transfer</Button>
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {step === 'confirm' && (
        <div className="ts-stack" style={{ gap: 'var(--space-3)' }}>
          <div className="ts-alert ts-alert--warning">
            <p className="ts-alert__title">Transfer this ticket to {name.trim() || email.trim()}?</p>
            <p>
              {name.trim() && `${email.trim()} gets a new ticket by email. `}
              Your code stops working straight away; this cannot be undone.
            </p>
          </div>
          <ErrorBanner error={error} title="The ticket was not transferred" />
          <div className="ts-cluster">
            <Button variant="danger" busy={busy} onClick={() => void confirm()}>
              Confirm transfer
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setStep('form')}>
              Back
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
