import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketDelivery1795674852534 implements MigrationInterface {
  name = 'TicketDelivery1795674852534';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" text NOT NULL, "channel" text NOT NULL, "recipient" text NOT NULL, "template" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '1', "detail" text, "user_id" uuid, "purchase_id" uuid, "ticket_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_status_check" CHECK ("status" IN ('sent', 'failed', 'skipped')), CONSTRAINT "notifications_channel_check" CHECK ("channel" IN ('email', 'sms')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "notifications_purchase_idx" ON "notifications"  ("purchase_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "notifications_delivery_key" ON "notifications"  ("job_id", "channel", "recipient") `,
    );
    await q.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email" boolean NOT NULL DEFAULT true, "sms" boolean NOT NULL DEFAULT false, "phone" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`ALTER TABLE "issued_tickets" ADD "holder_email" text`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "holder_name" text`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "replaces_id" uuid`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "revoked_reason" text`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "used_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "issued_tickets_revoked_idx" ON "issued_tickets"  ("event_id", "revoked_at") WHERE revoked_at IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "issued_tickets_holder_email_idx" ON "issued_tickets"  ("holder_email") WHERE holder_email IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."issued_tickets_holder_email_idx"`);
    await q.query(`DROP INDEX "public"."issued_tickets_revoked_idx"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "used_at"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "revoked_reason"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "revoked_at"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "replaces_id"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "holder_name"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "holder_email"`);
    await q.query(`DROP TABLE "notification_preferences"`);
    await q.query(`DROP INDEX "public"."notifications_delivery_key"`);
    await q.query(`DROP INDEX "public"."notifications_purchase_idx"`);
    await q.query(`DROP TABLE "notifications"`);
  }
}
