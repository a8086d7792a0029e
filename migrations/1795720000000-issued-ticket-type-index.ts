import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sales speed per ticket type (the Price Updater counts recent tickets) reads an index, not the table. */
export class IssuedTicketTypeIndex1795720000000 implements MigrationInterface {
  name = 'IssuedTicketTypeIndex1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "issued_tickets_type_created_idx" ON "issued_tickets"  ("ticket_type_id", "created_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."issued_tickets_type_created_idx"`);
  }
}
