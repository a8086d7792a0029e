import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketCodes1795668948101 implements MigrationInterface {
  name = 'TicketCodes1795668948101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ticket_signing_keys" ("id" SERIAL NOT NULL, "event_id" uuid NOT NULL, "public_key" text NOT NULL, "private_key_encrypted" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ticket_signing_keys_status_check" CHECK ("status" IN ('active', 'retired')), CONSTRAINT "PK_e0e34b3eda790ae257d36887856" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "ticket_signing_keys_active_key" ON "ticket_signing_keys"  ("event_id") WHERE status = 'active'`,
    );
    await q.query(`ALTER TABLE "issued_tickets" ADD "code" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "code"`);
    await q.query(`DROP INDEX "public"."ticket_signing_keys_active_key"`);
    await q.query(`DROP TABLE "ticket_signing_keys"`);
  }
}
