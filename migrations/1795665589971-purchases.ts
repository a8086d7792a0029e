import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Purchases1795665589971 implements MigrationInterface {
  name = 'Purchases1795665589971';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "event_seats" ("event_id" uuid NOT NULL, "seat_id" uuid NOT NULL, "ticket_type_id" uuid NOT NULL, "status" text NOT NULL, "hold_id" uuid, "purchase_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_seats_status_check" CHECK ("status" IN ('held', 'sold')), CONSTRAINT "PK_1d6704d320d4f5fbef5f7b93103" PRIMARY KEY ("event_id", "seat_id"))`,
    );
    await q.query(`CREATE INDEX "event_seats_hold_idx" ON "event_seats"  ("hold_id") `);
    await q.query(
      `CREATE TABLE "holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid, "api_client_id" uuid, "channel" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "extensions" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "holds_status_check" CHECK ("status" IN ('active', 'converted', 'released', 'expired')), CONSTRAINT "PK_a8a21700a256e0267fb43f4f7ae" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "holds_expiry_idx" ON "holds"  ("expires_at") WHERE status = 'active'`);
    await q.query(
      `CREATE TABLE "hold_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hold_id" uuid NOT NULL, "ticket_type_id" uuid NOT NULL, "seat_id" uuid, "quantity" integer NOT NULL, "unit_price" integer NOT NULL, "currency" character(3) NOT NULL, CONSTRAINT "hold_items_price_check" CHECK ("unit_price" >= 0), CONSTRAINT "hold_items_quantity_check" CHECK ("quantity" > 0), CONSTRAINT "PK_eea8c75f57550ac7943f92727f3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "hold_items_hold_idx" ON "hold_items"  ("hold_id") `);
    await q.query(
      `CREATE TABLE "payment_webhook_events" ("provider" text NOT NULL, "event_id" text NOT NULL, "type" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6d9f05715869e726f06f8a1cac8" PRIMARY KEY ("provider", "event_id"))`,
    );
    await q.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purchase_id" uuid NOT NULL, "method" text NOT NULL, "status" text NOT NULL, "amount" integer NOT NULL, "refunded_amount" integer NOT NULL DEFAULT '0', "currency" character(3) NOT NULL, "provider_ref" text, "failure_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payments_amount_check" CHECK ("amount" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount"), CONSTRAINT "payments_status_check" CHECK ("status" IN ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded', 'canceled')), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments"  ("method", "provider_ref") WHERE provider_ref IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "payments_purchase_idx" ON "payments"  ("purchase_id") `);
    await q.query(
      `CREATE TABLE "idempotency_keys" ("scope" text NOT NULL, "key" text NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))`,
    );
    await q.query(
      `CREATE TABLE "purchase_events" ("id" BIGSERIAL NOT NULL, "purchase_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_99dddb5ece79f46e6d9b644be9e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "purchase_events_purchase_seq_key" ON "purchase_events"  ("purchase_id", "seq") `,
    );
    await q.query(
      `CREATE TABLE "ticket_purchases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "customer_id" uuid, "buyer_email" text, "buyer_name" text, "channel" text NOT NULL, "sold_by" uuid, "api_client_id" uuid, "hold_id" uuid, "status" text NOT NULL, "total" integer NOT NULL, "refunded_amount" integer NOT NULL DEFAULT '0', "currency" character(3) NOT NULL, "items" jsonb NOT NULL, "payment_method" text NOT NULL, "version" integer NOT NULL DEFAULT '0', "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_purchases_total_check" CHECK ("total" >= 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "total"), CONSTRAINT "ticket_purchases_status_check" CHECK ("status" IN ('pending_payment', 'paid', 'canceled', 'expired', 'refunded', 'partially_refunded')), CONSTRAINT "PK_7a6c49a6aba11fcc8af9635c199" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ticket_purchases_event_idx" ON "ticket_purchases"  ("event_id", "status") `);
    await q.query(`CREATE INDEX "ticket_purchases_customer_idx" ON "ticket_purchases"  ("customer_id", "created_at") `);
    await q.query(
      `CREATE TABLE "issued_tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purchase_id" uuid NOT NULL, "event_id" uuid NOT NULL, "ticket_type_id" uuid NOT NULL, "seat_id" uuid, "holder_id" uuid, "status" text NOT NULL DEFAULT 'valid', "price" integer NOT NULL, "currency" character(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "issued_tickets_status_check" CHECK ("status" IN ('valid', 'revoked', 'refunded', 'canceled')), CONSTRAINT "PK_db4c204a8932915c991fb446786" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "issued_tickets_event_seat_key" ON "issued_tickets"  ("event_id", "seat_id") WHERE seat_id IS NOT NULL AND status = 'valid'`,
    );
    await q.query(`CREATE INDEX "issued_tickets_purchase_idx" ON "issued_tickets"  ("purchase_id") `);
    await q.query(`ALTER TABLE "games" ADD "max_tickets_per_customer" integer`);
    await q.query(
      `ALTER TABLE "hold_items" ADD CONSTRAINT "FK_a1f3ad71e89c393daf5f85b3a15" FOREIGN KEY ("hold_id") REFERENCES "holds"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hold_items" DROP CONSTRAINT "FK_a1f3ad71e89c393daf5f85b3a15"`);
    await q.query(`ALTER TABLE "games" DROP COLUMN "max_tickets_per_customer"`);
    await q.query(`DROP INDEX "public"."issued_tickets_purchase_idx"`);
    await q.query(`DROP INDEX "public"."issued_tickets_event_seat_key"`);
    await q.query(`DROP TABLE "issued_tickets"`);
    await q.query(`DROP INDEX "public"."ticket_purchases_customer_idx"`);
    await q.query(`DROP INDEX "public"."ticket_purchases_event_idx"`);
    await q.query(`DROP TABLE "ticket_purchases"`);
    await q.query(`DROP INDEX "public"."purchase_events_purchase_seq_key"`);
    await q.query(`DROP TABLE "purchase_events"`);
    await q.query(`DROP TABLE "idempotency_keys"`);
    await q.query(`DROP INDEX "public"."payments_purchase_idx"`);
    await q.query(`DROP INDEX "public"."payments_provider_ref_key"`);
    await q.query(`DROP TABLE "payments"`);
    await q.query(`DROP TABLE "payment_webhook_events"`);
    await q.query(`DROP INDEX "public"."hold_items_hold_idx"`);
    await q.query(`DROP TABLE "hold_items"`);
    await q.query(`DROP INDEX "public"."holds_expiry_idx"`);
    await q.query(`DROP TABLE "holds"`);
    await q.query(`DROP INDEX "public"."event_seats_hold_idx"`);
    await q.query(`DROP TABLE "event_seats"`);
  }
}
