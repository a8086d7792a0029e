import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScannerDevices1795678979754 implements MigrationInterface {
  name = 'ScannerDevices1795678979754';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "scanner_devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "gate_id" uuid, "name" text NOT NULL, "api_client_id" uuid NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_seen_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ca7de2797a22ab4c16981f7435" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "scanner_devices_client_key" ON "scanner_devices"  ("api_client_id") `);
    await q.query(
      `CREATE TABLE "validation_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "ticket_id" uuid, "device_id" uuid, "evidence" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9f3435c9018b9ee3b47ad4d4331" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "validation_flags_dedupe_key" ON "validation_flags"  ("kind", "dedupe_key") `);
    await q.query(`CREATE INDEX "validation_flags_event_idx" ON "validation_flags"  ("event_id", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."validation_flags_event_idx"`);
    await q.query(`DROP INDEX "public"."validation_flags_dedupe_key"`);
    await q.query(`DROP TABLE "validation_flags"`);
    await q.query(`DROP INDEX "public"."scanner_devices_client_key"`);
    await q.query(`DROP TABLE "scanner_devices"`);
  }
}
