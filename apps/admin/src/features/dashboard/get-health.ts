import { api } from '../../lib/api.js';

export interface Health {
  status: 'ok' | 'error';
  checks: Record<string, unknown>;
}

/**
 * Readiness of the API and its dependencies. A failing check answers 503 with the
 * same body, so the body is read whatever the status.
 */
export async function getHealth(signal: AbortSignal): Promise<Health> {
  const { data, error } = await api.GET('/api/health/ready', { signal });
  const body = (data ?? error) as Partial<Health> | undefined;
  return { status: body?.status === 'ok' ? 'ok' : 'error', checks: body?.checks ?? {} };
}
