import { Badge, ErrorBanner, Loading, PageHeader, Stat, hasAnyRole, useAsync, useSession } from '@tessera/ui';
import { ROLE_LABELS } from '../../lib/roles.js';
import { getDashboardCounts } from './get-dashboard-counts.js';
import { getHealth } from './get-health.js';
import { KeyFigures } from './KeyFigures.js';

function checkLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'status' in value) return String((value as { status: unknown }).status);
  return JSON.stringify(value);
}

export function DashboardPage() {
  const { user } = useSession();
  const counts = useAsync((signal) => (user ? getDashboardCounts(user, signal) : Promise.resolve([])), [user]);
  const isAdmin = hasAnyRole(user, ['admin']);
  const seesFigures = hasAnyRole(user, ['admin', 'event_manager']);
  const health = useAsync((signal) => (isAdmin ? getHealth(signal) : Promise.resolve(null)), [isAdmin]);

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          user ? `Signed in as ${user.name} · ${user.roles.map((r) => ROLE_LABELS[r]).join(', ')}` : undefined
        }
      />
      {seesFigures && <KeyFigures />}
      <section aria-labelledby="counts-title" className="ts-stack">
        <h2 id="counts-title" className="ts-visually-hidden">
          Counts
        </h2>
        {counts.error ? <ErrorBanner error={counts.error} /> : null}
        {counts.loading && !counts.data ? (
          <Loading />
        ) : (
          <div className="ts-grid">
            {(counts.data ?? []).map((count) => (
              <Stat key={count.key} label={count.label} value={count.value ?? '—'} />
            ))}
          </div>
        )}
      </section>
      {isAdmin && (
        <section aria-labelledby="health-title" className="ts-card" style={{ marginTop: 'var(--space-5)' }}>
          <h2 id="health-title">System health</h2>
          {health.loading && !health.data ? (
            <Loading />
          ) : health.error || !health.data ? (
            <p>
              <Badge tone="danger">Unreachable</Badge> The API did not answer the readiness check.
            </p>
          ) : (
            <>
              <p>
                <Badge tone={health.data.status === 'ok' ? 'success' : 'danger'}>
                  {health.data.status === 'ok' ? 'Ready' : 'Not ready'}
                </Badge>
              </p>
              <dl className="ts-details">
                {Object.entries(health.data.checks).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{checkLabel(value)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </section>
      )}
    </>
  );
}
