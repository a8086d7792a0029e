import { Badge, Button, ErrorBanner } from '@tessera/ui';
import { useState } from 'react';
import { verifyAudit, type AuditVerification } from './verify-audit.js';

export function VerifyChain() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<unknown>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyAudit());
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ts-card ts-stack" aria-labelledby="verify-title" style={{ marginBottom: 'var(--space-5)' }}>
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <h2 id="verify-title" style={{ marginBottom: 'var(--space-1)' }}>
            Chain integrity
          </h2>
          <p className="ts-muted" style={{ margin: 0 }}>
            Each entry carries the hash of the one before; a changed or deleted entry breaks the chain.
          </p>
        </div>
        <Button variant="secondary" busy={busy} onClick={() => void verify()}>
          Verify chain
        </Button>
      </div>
      <div role="status" data-testid="audit-verification">
        {result &&
          (result.valid ? (
            <p style={{ margin: 0 }}>
              <Badge tone="success">Valid</Badge> The chain is intact: {result.checked} entries checked.
            </p>
          ) : (
            <p style={{ margin: 0 }}>
              <Badge tone="danger">Broken</Badge> The chain is broken at entry{' '}
              <code>{result.brokenAt ?? 'unknown'}</code> ({result.checked} entries checked).
            </p>
          ))}
      </div>
      <ErrorBanner error={error} />
    </section>
  );
}
