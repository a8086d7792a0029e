import { Button, TextField } from '@tessera/ui';
import { useState, type FormEvent } from 'react';

export interface UnlockCodeFormProps {
  /** The code in use, if any. */
  code: string;
  onApply: (code: string) => void;
  /** What the last code did, announced politely. */
  result?: string;
}

/** "Have a code?": some tickets are listed only to buyers who enter their code. */
export function UnlockCodeForm({ code, onApply, result }: UnlockCodeFormProps) {
  const [value, setValue] = useState(code);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(value.trim());
  };
  return (
    <form aria-label="Unlock code" onSubmit={submit} className="ts-stack" style={{ gap: 'var(--space-2)' }}>
      <div className="ts-cluster">
        <TextField
          label="Have a code?"
          hint="Promo codes take money off; presale and partner codes reveal extra tickets."
          autoComplete="off"
          maxLength={64}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Apply code
        </Button>
        {code && (
          <Button
            variant="ghost"
            onClick={() => {
              setValue('');
              onApply('');
            }}
          >
            Remove code
          </Button>
        )}
      </div>
      <p role="status" className="ts-muted" style={{ margin: 0 }}>
        {result}
      </p>
    </form>
  );
}
