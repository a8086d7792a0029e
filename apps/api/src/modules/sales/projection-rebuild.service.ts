import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../platform/database/transaction.js';
import { foldPurchase } from './purchase.projection.js';
import { PurchasesRepository } from './purchases.repository.js';

export interface ProjectionDifference {
  purchaseId: string;
  field: string;
  projection: unknown;
  fromEvents: unknown;
}

const FIELDS = [
  'status',
  'total',
  'refundedAmount',
  'currency',
  'paymentMethod',
  'version',
  'eventId',
  'channel',
] as const;

/** Rebuilds ticket_purchases from purchase_events and reports (or repairs) every difference. */
@Injectable()
export class ProjectionRebuildService {
  constructor(
    private readonly repo: PurchasesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async run(options: {
    fix: boolean;
    batch?: number;
  }): Promise<{ checked: number; differences: ProjectionDifference[] }> {
    const differences: ProjectionDifference[] = [];
    let checked = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.repo.allIds(after, options.batch ?? 500);
      if (ids.length === 0) break;
      for (const id of ids) {
        await this.tx.run(async (m) => {
          const row = await this.repo.get(id, m, true);
          const folded = foldPurchase(await this.repo.events(id, m));
          if (!row) return;
          checked++;
          if (!folded) {
            differences.push({ purchaseId: id, field: '*', projection: 'row', fromEvents: 'no events' });
            return;
          }
          const mine: ProjectionDifference[] = [];
          for (const f of FIELDS) {
            if (String(row[f]) !== String(folded[f]))
              mine.push({ purchaseId: id, field: f, projection: row[f], fromEvents: folded[f] });
          }
          const paidAt = row.paidAt ? new Date(row.paidAt).toISOString() : null;
          const foldedPaidAt = folded.paidAt ? folded.paidAt.toISOString() : null;
          if (paidAt !== foldedPaidAt)
            mine.push({ purchaseId: id, field: 'paidAt', projection: paidAt, fromEvents: foldedPaidAt });
          differences.push(...mine);
          if (options.fix && mine.length) {
            await m.query(
              `UPDATE ticket_purchases SET status = $2, total = $3, refunded_amount = $4, currency = $5, payment_method = $6,
                      version = $7, paid_at = $8, items = $9 WHERE id = $1`,
              [
                id,
                folded.status,
                folded.total,
                folded.refundedAmount,
                folded.currency,
                folded.paymentMethod,
                folded.version,
                folded.paidAt,
                JSON.stringify(folded.items),
              ],
            );
          }
        });
      }
      after = ids[ids.length - 1];
    }
    return { checked, differences };
  }
}
