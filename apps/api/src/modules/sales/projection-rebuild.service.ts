import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../platform/database/transaction.js';
import type { PurchaseItem } from './purchase.entity.js';
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
  'holdId',
  'customerId',
  'soldBy',
  'apiClientId',
] as const;

/** The same items whatever the order of their keys. */
const itemsKey = (items: PurchaseItem[]) =>
  JSON.stringify(
    items
      .map((i) => [i.ticketTypeId, i.seatId ?? null, i.quantity, i.unitPrice])
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  );

/**
 * Rebuilds ticket_purchases from purchase_events and reports (or repairs) every difference: every
 * purchase either side knows of, a projection row without events or events without a row included.
 */
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
          checked++;
          if (!row || !folded) {
            differences.push({
              purchaseId: id,
              field: '*',
              projection: row ? 'row' : 'no row',
              fromEvents: folded ? 'events' : 'no events',
            });
            return;
          }
          const mine: ProjectionDifference[] = [];
          for (const f of FIELDS) {
            if (folded[f] !== undefined && String(row[f]) !== String(folded[f]))
              mine.push({ purchaseId: id, field: f, projection: row[f], fromEvents: folded[f] });
          }
          if (itemsKey(row.items) !== itemsKey(folded.items))
            mine.push({ purchaseId: id, field: 'items', projection: row.items, fromEvents: folded.items });
          const paidAt = row.paidAt ? new Date(row.paidAt).toISOString() : null;
          const foldedPaidAt = folded.paidAt ? folded.paidAt.toISOString() : null;
          if (paidAt !== foldedPaidAt)
            mine.push({ purchaseId: id, field: 'paidAt', projection: paidAt, fromEvents: foldedPaidAt });
          differences.push(...mine);
          if (options.fix && mine.length) {
            await m.query(
              `UPDATE ticket_purchases SET status = $2, total = $3, refunded_amount = $4, currency = $5, payment_method = $6,
                      version = $7, paid_at = $8, items = $9, hold_id = $10,
                      customer_id = $11, sold_by = $12, api_client_id = $13 WHERE id = $1`,
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
                folded.holdId,
                // Parties the events do not know of (recorded before they were) stay as they are.
                folded.customerId === undefined ? row.customerId : folded.customerId,
                folded.soldBy === undefined ? row.soldBy : folded.soldBy,
                folded.apiClientId === undefined ? row.apiClientId : folded.apiClientId,
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
