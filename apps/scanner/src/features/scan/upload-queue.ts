import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import { queuedScans, removeQueued } from './offline-store.js';

/** The most scans the batch endpoint takes at once. */
const BATCH_MAX = 1000;

export interface UploadSummary {
  uploaded: number;
  /** Tickets this device admitted offline that had already been admitted elsewhere. */
  conflicts: number;
}

/**
 * Uploads the queued offline scans in batches and drops each scan the API answered. Every scan
 * carries its nonce, so a batch sent twice (an answer lost on the way back) changes nothing.
 */
export async function uploadQueue(): Promise<UploadSummary> {
  const summary: UploadSummary = { uploaded: 0, conflicts: 0 };
  for (;;) {
    const scans = queuedScans().slice(0, BATCH_MAX);
    if (scans.length === 0) return summary;
    const answer = await unwrap(api.POST('/api/tickets/validate/batch', { body: { scans } }));
    const answered = new Set(answer.results.map((r) => r.nonce));
    removeQueued(answered);
    summary.uploaded += answered.size;
    summary.conflicts += answer.conflicts;
    // An answer without any of the scans sent would loop forever; try again on the next sync.
    if (!scans.some((s) => answered.has(s.nonce))) return summary;
  }
}
