import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The support desk (`tickets`, `ticket_messages`) and report exports (`report_runs`). */
export class SupportReporting1795700000000 implements MigrationInterface {
  name = 'SupportReporting1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "subject" text NOT NULL, "purchase_id" uuid, "event_id" uuid, "status" text NOT NULL DEFAULT 'open', "priority" text NOT NULL DEFAULT 'normal', "assignee_id" uuid, "first_response_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "tickets_priority_check" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "tickets_status_check" CHECK ("status" IN ('open', 'pending', 'resolved', 'closed')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "tickets_number_key" ON "tickets"  ("number") `);
    await q.query(`CREATE INDEX "tickets_event_idx" ON "tickets"  ("event_id") `);
    await q.query(`CREATE INDEX "tickets_assignee_idx" ON "tickets"  ("assignee_id", "status") `);
    await q.query(`CREATE INDEX "tickets_status_idx" ON "tickets"  ("status", "last_message_at") `);
    await q.query(`CREATE INDEX "tickets_customer_idx" ON "tickets"  ("customer_id", "created_at") `);
    await q.query(
      `CREATE TABLE "ticket_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "author_id" uuid NOT NULL, "author_kind" text NOT NULL, "body" text NOT NULL, "internal" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_messages_author_kind_check" CHECK ("author_kind" IN ('customer', 'staff')), CONSTRAINT "PK_37beb692dedf7eccb4e519ccec1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages"  ("ticket_id", "created_at") `);
    await q.query(
      `CREATE TABLE "report_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "format" text NOT NULL, "params" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT '0', "row_count" integer NOT NULL DEFAULT '0', "file_key" text, "error" text, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "report_runs_progress_check" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "report_runs_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_ec9cd6617ae677b28700451a9b3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "report_runs_requested_idx" ON "report_runs"  ("requested_by", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."report_runs_requested_idx"`);
    await q.query(`DROP TABLE "report_runs"`);
    await q.query(`DROP INDEX "public"."ticket_messages_ticket_idx"`);
    await q.query(`DROP TABLE "ticket_messages"`);
    await q.query(`DROP INDEX "public"."tickets_customer_idx"`);
    await q.query(`DROP INDEX "public"."tickets_status_idx"`);
    await q.query(`DROP INDEX "public"."tickets_assignee_idx"`);
    await q.query(`DROP INDEX "public"."tickets_event_idx"`);
    await q.query(`DROP INDEX "public"."tickets_number_key"`);
    await q.query(`DROP TABLE "tickets"`);
  }
}
