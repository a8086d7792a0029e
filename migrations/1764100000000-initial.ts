import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, API clients, the audit chain, the outbox, and the first cut of venues, events and ticket types. */
export class Initial1764100000000 implements MigrationInterface {
  name = 'Initial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "disabled" boolean NOT NULL DEFAULT false, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
    await q.query(
      `CREATE TABLE "api_clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "scopes" text array NOT NULL DEFAULT '{}', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ef2d5ef0eb5e9a6ddc67cfa310e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "api_clients_key_prefix_key" ON "api_clients"  ("key_prefix") `);
    await q.query(
      `CREATE TABLE "audit_logs" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_type" text NOT NULL, "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text, "before" jsonb, "after" jsonb, "request_id" text, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_1bb179d048bbc581caa3b013439" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "audit_logs_action_idx" ON "audit_logs"  ("action") `);
    await q.query(`CREATE INDEX "audit_logs_entity_idx" ON "audit_logs"  ("entity_type", "entity_id") `);
    await q.query(
      `CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "name" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "relayed_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages"  ("available_at") WHERE relayed_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text, "city" text, "country" character(2), "latitude" double precision, "longitude" double precision, "capacity" integer, "timezone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "games" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "doors_at" TIMESTAMP WITH TIME ZONE, "timezone" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "venue_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9b16b62917b5595af982d66337" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "games_status_starts_at_idx" ON "games"  ("status", "starts_at") `);
    await q.query(
      `CREATE TABLE "ticket_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" text NOT NULL, "price" integer NOT NULL, "currency" character(3) NOT NULL, "capacity" integer, "sold" integer NOT NULL DEFAULT '0', "held" integer NOT NULL DEFAULT '0', "sales_start_at" TIMESTAMP WITH TIME ZONE, "sales_end_at" TIMESTAMP WITH TIME ZONE, "max_per_order" integer NOT NULL DEFAULT '10', "access_level" text NOT NULL DEFAULT 'general', "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_types_quota_check" CHECK ("capacity" IS NULL OR "sold" + "held" <= "capacity"), CONSTRAINT "ticket_types_counters_check" CHECK ("sold" >= 0 AND "held" >= 0), CONSTRAINT "ticket_types_price_check" CHECK ("price" >= 0), CONSTRAINT "PK_5510ce7e18a4edc648c9fbfc283" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ticket_types_event_idx" ON "ticket_types"  ("event_id", "sort_order") `);
    await q.query(
      `ALTER TABLE "games" ADD CONSTRAINT "FK_d7716584edf5dca8756e37ddb8f" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "ticket_types" ADD CONSTRAINT "FK_9dfa62b35548ea1e0b7e4675b20" FOREIGN KEY ("event_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit trail is append-only: the database refuses to change or delete a row.
    await q.query(`CREATE FUNCTION audit_logs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_logs is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_logs_no_update BEFORE UPDATE OR DELETE ON "audit_logs"
      FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_logs_no_update" ON "audit_logs"`);
    await q.query(`DROP FUNCTION audit_logs_append_only()`);
    await q.query(`ALTER TABLE "ticket_types" DROP CONSTRAINT "FK_9dfa62b35548ea1e0b7e4675b20"`);
    await q.query(`ALTER TABLE "games" DROP CONSTRAINT "FK_d7716584edf5dca8756e37ddb8f"`);
    await q.query(`DROP INDEX "public"."ticket_types_event_idx"`);
    await q.query(`DROP TABLE "ticket_types"`);
    await q.query(`DROP INDEX "public"."games_status_starts_at_idx"`);
    await q.query(`DROP TABLE "games"`);
    await q.query(`DROP TABLE "venues"`);
    await q.query(`DROP INDEX "public"."outbox_messages_pending_idx"`);
    await q.query(`DROP TABLE "outbox_messages"`);
    await q.query(`DROP INDEX "public"."audit_logs_entity_idx"`);
    await q.query(`DROP INDEX "public"."audit_logs_action_idx"`);
    await q.query(`DROP TABLE "audit_logs"`);
    await q.query(`DROP INDEX "public"."api_clients_key_prefix_key"`);
    await q.query(`DROP TABLE "api_clients"`);
    await q.query(`DROP INDEX "public"."users_email_key"`);
    await q.query(`DROP TABLE "users"`);
  }
}
