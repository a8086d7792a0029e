import { Button } from '@tessera/ui';
import { useState } from 'react';
import type { RegisteredDevice } from './register-scanner-device.js';

/** A new device's key, which the API returns this once and never again. */
export function DeviceKey({ device, onDone }: { device: RegisteredDevice; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(device.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="ts-alert ts-alert--warning" aria-labelledby="device-key-title">
      <h3 id="device-key-title" className="ts-alert__title">
        Key for {device.name}
      </h3>
      <p>
        Enter this key on the device now (it sends it as X-API-Key). It is shown only once: if it is lost, revoke the
        device and register it again.
      </p>
      <pre className="ts-code" aria-label="Device key" data-testid="device-key" style={{ margin: 'var(--space-3) 0' }}>
        {device.key}
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
