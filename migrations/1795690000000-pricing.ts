import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dynamic pricing: price rules and limits per ticket type, the price history, promo codes and their
 * redemptions; the current price published on the ticket type, and the promo codes a hold locked.
 */
export class Pricing1795690000000 implements MigrationInterface {
  name = 'Pricing1795690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "promo_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "value" integer NOT NULL, "ticket_type_ids" uuid array NOT NULL DEFAULT '{}', "unlocks_ticket_type_ids" uuid array NOT NULL DEFAULT '{}', "max_uses" integer, "used" integer NOT NULL DEFAULT '0', "max_uses_per_customer" integer, "valid_from" TIMESTAMP WITH TIME ZONE, "valid_until" TIMESTAMP WITH TIME ZONE, "stackable" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "promo_codes_window_check" CHECK ("valid_from" IS NULL OR "valid_until" IS NULL OR "valid_until" > "valid_from"), CONSTRAINT "promo_codes_used_check" CHECK ("used" >= 0 AND ("max_uses" IS NULL OR "used" <= "max_uses")), CONSTRAINT "promo_codes_value_check" CHECK ("value" >= 0 AND ("kind" <> 'percent' OR "value" <= 100)), CONSTRAINT "promo_codes_kind_check" CHECK ("kind" IN ('percent', 'amount')), CONSTRAINT "PK_c7b4f01710fda5afa056a2b4a35" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "promo_codes_code_idx" ON "promo_codes"  ("code") `);
    await q.query(`CREATE UNIQUE INDEX "promo_codes_event_code_key" ON "promo_codes"  ("event_id", "code") `);
    await q.query(
      `CREATE TABLE "promo_redemptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "promo_code_id" uuid NOT NULL, "purchase_id" uuid NOT NULL, "customer_id" uuid, "redeemed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34a930e5657a7e0a837b0bb41c9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "promo_redemptions_customer_idx" ON "promo_redemptions"  ("promo_code_id", "customer_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "promo_redemptions_purchase_key" ON "promo_redemptions"  ("promo_code_id", "purchase_id") `,
    );
    await q.query(
      `CREATE TABLE "price_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_type_id" uuid NOT NULL, "event_id" uuid NOT NULL, "price" integer NOT NULL, "previous_price" integer, "currency" character(3) NOT NULL, "rules" jsonb NOT NULL DEFAULT '[]', "reason" text NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e41e25472373d4b574b153229e9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "price_history_type_idx" ON "price_history"  ("ticket_type_id", "changed_at") `);
    await q.query(
      `CREATE TABLE "price_policies" ("ticket_type_id" uuid NOT NULL, "event_id" uuid NOT NULL, "floor" integer, "ceiling" integer, "round_to" integer NOT NULL DEFAULT '1', "max_rise_per_hour" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "price_policies_round_check" CHECK ("round_to" >= 1), CONSTRAINT "price_policies_limits_check" CHECK ("floor" IS NULL OR "ceiling" IS NULL OR "floor" <= "ceiling"), CONSTRAINT "PK_69d75584128ddf7853aa1ccab98" PRIMARY KEY ("ticket_type_id"))`,
    );
    await q.query(`CREATE INDEX "price_policies_event_idx" ON "price_policies"  ("event_id") `);
    await q.query(
      `CREATE TABLE "price_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_type_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "label" text, "params" jsonb NOT NULL, CONSTRAINT "price_rules_kind_check" CHECK ("kind" IN ('time_step', 'sell_through', 'sales_velocity')), CONSTRAINT "PK_332f84d0bdaa08303a9292653f9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "price_rules_type_idx" ON "price_rules"  ("ticket_type_id", "position") `);
    await q.query(`ALTER TABLE "holds" ADD "promo_code_ids" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "ticket_types" ADD "current_price" integer`);
    await q.query(
      `ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_current_price_check" CHECK ("current_price" >= 0)`,
    );
    await q.query(
      `ALTER TABLE "promo_codes" ADD CONSTRAINT "FK_1ebec1c7d9c344f85c9af5313e8" FOREIGN KEY ("event_id") REFERENCES "games"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "promo_redemptions" ADD CONSTRAINT "FK_86e2ca7e056d554ec51f39a7671" FOREIGN KEY ("promo_code_id") REFERENCES "promo_codes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "price_history" ADD CONSTRAINT "FK_541bbfd85b9c396559afd6f5dba" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "price_policies" ADD CONSTRAINT "FK_69d75584128ddf7853aa1ccab98" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "price_rules" ADD CONSTRAINT "FK_13899be59a4b1d17434f8abd7e3" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "price_rules" DROP CONSTRAINT "FK_13899be59a4b1d17434f8abd7e3"`);
    await q.query(`ALTER TABLE "price_policies" DROP CONSTRAINT "FK_69d75584128ddf7853aa1ccab98"`);
    await q.query(`ALTER TABLE "price_history" DROP CONSTRAINT "FK_541bbfd85b9c396559afd6f5dba"`);
    await q.query(`ALTER TABLE "promo_redemptions" DROP CONSTRAINT "FK_86e2ca7e056d554ec51f39a7671"`);
    await q.query(`ALTER TABLE "promo_codes" DROP CONSTRAINT "FK_1ebec1c7d9c344f85c9af5313e8"`);
    await q.query(`ALTER TABLE "ticket_types" DROP CONSTRAINT "ticket_types_current_price_check"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "current_price"`);
    await q.query(`ALTER TABLE "holds" DROP COLUMN "promo_code_ids"`);
    await q.query(`DROP INDEX "public"."price_rules_type_idx"`);
    await q.query(`DROP TABLE "price_rules"`);
    await q.query(`DROP INDEX "public"."price_policies_event_idx"`);
    await q.query(`DROP TABLE "price_policies"`);
    await q.query(`DROP INDEX "public"."price_history_type_idx"`);
    await q.query(`DROP TABLE "price_history"`);
    await q.query(`DROP INDEX "public"."promo_redemptions_purchase_key"`);
    await q.query(`DROP INDEX "public"."promo_redemptions_customer_idx"`);
    await q.query(`DROP TABLE "promo_redemptions"`);
    await q.query(`DROP INDEX "public"."promo_codes_event_code_key"`);
    await q.query(`DROP INDEX "public"."promo_codes_code_idx"`);
    await q.query(`DROP TABLE "promo_codes"`);
  }
}
