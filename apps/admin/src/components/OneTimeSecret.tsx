import { Button } from '@tessera/ui';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';

export interface OneTimeSecretProps {
  /** Heading, e.g. "Key for Gate 3". */
  title: string;
  /** h2 on a page, h3 inside a panel. */
  level?: 2 | 3;
  /** What to do with it, and what happens if it is lost. */
  children: ReactNode;
  secret: string;
  /** Accessible name of the shown secret. */
  label: string;
  testId: string;
  onDone: () => void;
  style?: CSSProperties;
}

/** A secret the API returns this once and never again (an API key), with a copy button. */
export function OneTimeSecret({
  title,
  level = 2,
  children,
  secret,
  label,
  testId,
  onDone,
  style,
}: OneTimeSecretProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="ts-alert ts-alert--warning" aria-labelledby={titleId} style={style}>
      <Heading id={titleId} className="ts-alert__title">
        {title}
      </Heading>
      <p>{children}</p>
      <pre className="ts-code" aria-label={label} data-testid={testId} style={{ margin: 'var(--space-3) 0' }}>
        {secret}
      </pre>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button onClick={() => void copy()}>Copy key</Button>
        <Button variant="secondary" onClick={onDone}>
          I have stored the key
        </Button>
        <span role="status">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'Copying failed; select the key and copy it.'
              : ''}
        </span>
      </div>
    </section>
  );
}
