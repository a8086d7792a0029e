import { Button, ErrorBanner, TextArea } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';

/** A text box and a button: a reply to the customer or an internal note. */
export function MessageForm({
  label,
  submitLabel,
  hint,
  onSend,
}: {
  label: string;
  submitLabel: string;
  hint?: string;
  onSend: (message: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    const ok = await action.run(async () => {
      await onSend(message);
      return `${submitLabel}: done.`;
    });
    if (ok) setText('');
  };
  return (
    <form className="ts-form ts-stack" aria-label={label} onSubmit={(e) => void submit(e)}>
      <TextArea label={label} hint={hint} value={text} onChange={(e) => setText(e.target.value)} rows={4} />
      <ErrorBanner error={action.error} />
      <div className="ts-cluster">
        <Button type="submit" busy={action.busy} disabled={!text.trim()}>
          {submitLabel}
        </Button>
        <span role="status" className="ts-muted">
          {action.notice}
        </span>
      </div>
    </form>
  );
}
