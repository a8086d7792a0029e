import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A hold is bought at most once: one live (pending or paid) purchase per hold, the backstop of the sale's row lock. */
export class OnePurchasePerHold1795750000000 implements MigrationInterface {
  name = 'OnePurchasePerHold1795750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX "ticket_purchases_live_hold_key" ON "ticket_purchases" ("hold_id") WHERE hold_id IS NOT NULL AND status IN ('pending_payment', 'paid')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ticket_purchases_live_hold_key"`);
  }
}
