import { Button } from '@tessera/ui';
import { useState } from 'react';
import type { CreatedApiClient } from './create-api-client.js';

/** Shows a new client's key, which the API returns this once and never again. */
export function OneTimeKey({ client, onDone }: { client: CreatedApiClient; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(client.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section
      className="ts-alert ts-alert--warning"
      aria-labelledby="one-time-key-title"
      style={{ marginBottom: 'var(--space-5)' }}
    >
      <h2 id="one-time-key-title" className="ts-alert__title">
        Key for {client.name}
      </h2>
      <p>
        Copy this key now and store it somewhere safe. It is shown only once: if it is lost, revoke the client and
        create a new one.
      </p>
      <pre className="ts-code" aria-label="API key" data-testid="api-client-key" style={{ margin: 'var(--space-3) 0' }}>
        {client.key}
      </pre>
      <div className="ts-cluster">
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
