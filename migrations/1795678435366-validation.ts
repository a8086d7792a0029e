import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Validation1795678435366 implements MigrationInterface {
  name = 'Validation1795678435366';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "check_in_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" text NOT NULL, "allow_reentry" boolean NOT NULL DEFAULT false, "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9dcc149fd55aafb3b87530bc556" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "check_in_lists_default_key" ON "check_in_lists"  ("event_id") WHERE is_default`,
    );
    await q.query(
      `CREATE TABLE "zones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" text NOT NULL, "access_levels" text array NOT NULL DEFAULT '{general}', CONSTRAINT "PK_880484a43ca311707b05895bd4a" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "gates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" text NOT NULL, "zone_id" uuid, "check_in_list_id" uuid NOT NULL, CONSTRAINT "PK_2dd58a77462dd2c5695ec4a7975" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "check_ins" ("check_in_list_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "state" text NOT NULL, "first_admitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "check_ins_state_check" CHECK ("state" IN ('in', 'out')), CONSTRAINT "PK_fb58b271e1c8f270039c748d0e8" PRIMARY KEY ("check_in_list_id", "ticket_id"))`,
    );
    await q.query(
      `CREATE TABLE "validation_logs" ("id" BIGSERIAL NOT NULL, "scope" text NOT NULL, "nonce" text, "event_id" uuid, "ticket_id" uuid, "gate_id" uuid, "check_in_list_id" uuid, "direction" text NOT NULL, "result" text NOT NULL, "reason" text, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" jsonb NOT NULL, CONSTRAINT "validation_logs_direction_check" CHECK ("direction" IN ('entry', 'exit')), CONSTRAINT "validation_logs_result_check" CHECK ("result" IN ('admitted', 'rejected')), CONSTRAINT "PK_2de06fc04a249fe6beeed773bd8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "validation_logs_ticket_idx" ON "validation_logs"  ("ticket_id") `);
    await q.query(`CREATE INDEX "validation_logs_event_idx" ON "validation_logs"  ("event_id", "scanned_at") `);
    await q.query(
      `CREATE UNIQUE INDEX "validation_logs_nonce_key" ON "validation_logs"  ("scope", "nonce") WHERE nonce IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."validation_logs_nonce_key"`);
    await q.query(`DROP INDEX "public"."validation_logs_event_idx"`);
    await q.query(`DROP INDEX "public"."validation_logs_ticket_idx"`);
    await q.query(`DROP TABLE "validation_logs"`);
    await q.query(`DROP TABLE "check_ins"`);
    await q.query(`DROP TABLE "gates"`);
    await q.query(`DROP TABLE "zones"`);
    await q.query(`DROP INDEX "public"."check_in_lists_default_key"`);
    await q.query(`DROP TABLE "check_in_lists"`);
  }
}
