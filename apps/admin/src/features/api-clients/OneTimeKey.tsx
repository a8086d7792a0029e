import { OneTimeSecret } from '../../components/OneTimeSecret.js';
import type { CreatedApiClient } from './create-api-client.js';

/** Shows a new client's key, which the API returns this once and never again. */
export function OneTimeKey({ client, onDone }: { client: CreatedApiClient; onDone: () => void }) {
  return (
    <OneTimeSecret
      title={`Key for ${client.name}`}
      secret={client.key}
      label="API key"
      testId="api-client-key"
      onDone={onDone}
      style={{ marginBottom: 'var(--space-5)' }}
    >
      Copy this key now and store it somewhere safe. It is shown only once: if it is lost, revoke the client and create
      a new one.
    </OneTimeSecret>
  );
}
