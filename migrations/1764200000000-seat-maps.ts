import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Seat maps (sections, seats, price zones), event lifecycle fields, and richer ticket types. */
export class SeatMaps1764200000000 implements MigrationInterface {
  name = 'SeatMaps1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "price_zones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "venue_id" uuid NOT NULL, "name" text NOT NULL, "color" text NOT NULL DEFAULT '#4f46e5', "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_36f3d74b7fcc909e781f5e0265a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "price_zones_venue_name_key" ON "price_zones"  ("venue_id", "name") `);
    await q.query(
      `CREATE TABLE "sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "venue_id" uuid NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "capacity" integer, "x" double precision NOT NULL DEFAULT '0', "y" double precision NOT NULL DEFAULT '0', "width" double precision NOT NULL DEFAULT '200', "height" double precision NOT NULL DEFAULT '120', "color" text NOT NULL DEFAULT '#64748b', "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "sections_capacity_check" CHECK ("capacity" IS NULL OR "capacity" >= 0), CONSTRAINT "sections_kind_check" CHECK ("kind" IN ('general_admission', 'reserved')), CONSTRAINT "PK_f9749dd3bffd880a497d007e450" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "sections_venue_name_key" ON "sections"  ("venue_id", "name") `);
    await q.query(
      `CREATE TABLE "seats" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "section_id" uuid NOT NULL, "venue_id" uuid NOT NULL, "row" text NOT NULL, "label" text NOT NULL, "x" double precision NOT NULL, "y" double precision NOT NULL, "attributes" text array NOT NULL DEFAULT '{}', "price_zone_id" uuid, "held_back" text, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "seats_held_back_check" CHECK ("held_back" IS NULL OR "held_back" IN ('house', 'kill')), CONSTRAINT "PK_3fbc74bb4638600c506dcb777a7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "seats_venue_idx" ON "seats"  ("venue_id") `);
    await q.query(`CREATE UNIQUE INDEX "seats_section_row_label_key" ON "seats"  ("section_id", "row", "label") `);
    await q.query(`ALTER TABLE "venues" ADD "postal_code" text`);
    await q.query(`ALTER TABLE "venues" ADD "geocoded_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "games" ADD "image_url" text`);
    await q.query(`ALTER TABLE "games" ADD "hold_minutes" integer NOT NULL DEFAULT '10'`);
    await q.query(`ALTER TABLE "games" ADD "canceled_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "games" ADD "cancel_reason" text`);
    await q.query(`ALTER TABLE "ticket_types" ADD "min_per_order" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "ticket_types" ADD "description" text`);
    await q.query(`ALTER TABLE "ticket_types" ADD "price_zone_id" uuid`);
    await q.query(`ALTER TABLE "ticket_types" ADD "section_ids" uuid array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "ticket_types" ADD "channels" text array NOT NULL DEFAULT '{web,box_office,vendor}'`);
    await q.query(`ALTER TABLE "ticket_types" ADD "unlock_code_hash" text`);
    await q.query(
      `ALTER TABLE "games" ADD CONSTRAINT "games_hold_minutes_check" CHECK ("hold_minutes" BETWEEN 1 AND 60)`,
    );
    await q.query(
      `ALTER TABLE "games" ADD CONSTRAINT "games_ends_after_start_check" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at")`,
    );
    await q.query(
      `ALTER TABLE "games" ADD CONSTRAINT "games_status_check" CHECK ("status" IN ('draft', 'on_sale', 'sales_closed', 'canceled', 'completed'))`,
    );
    await q.query(
      `ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_sales_window_check" CHECK ("sales_end_at" IS NULL OR "sales_start_at" IS NULL OR "sales_end_at" > "sales_start_at")`,
    );
    await q.query(
      `ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_per_order_check" CHECK ("min_per_order" >= 1 AND "max_per_order" >= "min_per_order")`,
    );
    await q.query(
      `ALTER TABLE "price_zones" ADD CONSTRAINT "FK_6515a72d94c712444a4c6fb9ac4" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sections" ADD CONSTRAINT "FK_a1ebf4e93c5b612438f71bd30eb" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "seats" ADD CONSTRAINT "FK_d4078ee75800078fafc295ba456" FOREIGN KEY ("section_id") REFERENCES "sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "seats" ADD CONSTRAINT "FK_7ee07c5e3c3828f125105e67734" FOREIGN KEY ("price_zone_id") REFERENCES "price_zones"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "seats" DROP CONSTRAINT "FK_7ee07c5e3c3828f125105e67734"`);
    await q.query(`ALTER TABLE "seats" DROP CONSTRAINT "FK_d4078ee75800078fafc295ba456"`);
    await q.query(`ALTER TABLE "sections" DROP CONSTRAINT "FK_a1ebf4e93c5b612438f71bd30eb"`);
    await q.query(`ALTER TABLE "price_zones" DROP CONSTRAINT "FK_6515a72d94c712444a4c6fb9ac4"`);
    await q.query(`ALTER TABLE "ticket_types" DROP CONSTRAINT "ticket_types_per_order_check"`);
    await q.query(`ALTER TABLE "ticket_types" DROP CONSTRAINT "ticket_types_sales_window_check"`);
    await q.query(`ALTER TABLE "games" DROP CONSTRAINT "games_status_check"`);
    await q.query(`ALTER TABLE "games" DROP CONSTRAINT "games_ends_after_start_check"`);
    await q.query(`ALTER TABLE "games" DROP CONSTRAINT "games_hold_minutes_check"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "unlock_code_hash"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "channels"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "section_ids"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "price_zone_id"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "description"`);
    await q.query(`ALTER TABLE "ticket_types" DROP COLUMN "min_per_order"`);
    await q.query(`ALTER TABLE "games" DROP COLUMN "cancel_reason"`);
    await q.query(`ALTER TABLE "games" DROP COLUMN "canceled_at"`);
    await q.query(`ALTER TABLE "games" DROP COLUMN "hold_minutes"`);
    await q.query(`ALTER TABLE "games" DROP COLUMN "image_url"`);
    await q.query(`ALTER TABLE "venues" DROP COLUMN "geocoded_at"`);
    await q.query(`ALTER TABLE "venues" DROP COLUMN "postal_code"`);
    await q.query(`DROP INDEX "public"."seats_section_row_label_key"`);
    await q.query(`DROP INDEX "public"."seats_venue_idx"`);
    await q.query(`DROP TABLE "seats"`);
    await q.query(`DROP INDEX "public"."sections_venue_name_key"`);
    await q.query(`DROP TABLE "sections"`);
    await q.query(`DROP INDEX "public"."price_zones_venue_name_key"`);
    await q.query(`DROP TABLE "price_zones"`);
  }
}
