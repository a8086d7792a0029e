import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REMEMBER_REFUSAL } from './1795670000000-direct-sale.js';

/**
 * Batches for group commit: the API gathers sales, scans and sold-out refusals that arrive while
 * earlier ones are in flight and sends them as one statement, one transaction, one commit.
 *
 * `sales_sell_direct_batch` runs each sale as `sales_sell_direct` does, each in a subtransaction: a
 * sale that cannot be made (TS001: sold out, seat taken, stale, ...) is rolled back alone and its
 * reason answered in its place. Sales go in the order of their first quota counter, so batches lock
 * the hot counter rows in the same order; a quota counter is then locked once per batch rather than
 * once per sale, which is what lets a flash sale go faster than one commit per ticket sold.
 *
 * `validation_scan_batch` applies each scan exactly as `validation_scan` does, in the order of their
 * ticket and nonce (so two batches take their locks in the same order and cannot deadlock each
 * other), and answers each in the order it was sent. `sales_remember_refusals` stores refusals as
 * `sales_remember_refusal` did (it replaces it), one answer per item in order.
 */
export class GroupCommit1795730000000 implements MigrationInterface {
  name = 'GroupCommit1795730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION sales_sell_direct_batch(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_item record;
  v_outs jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p)]);
  v_message text;
  v_detail text;
BEGIN
  FOR v_item IN
    SELECT value, ordinality FROM jsonb_array_elements(p) WITH ORDINALITY
     ORDER BY value->'counters'->0->>'id' NULLS FIRST, ordinality
  LOOP
    BEGIN
      v_outs[v_item.ordinality] := sales_sell_direct(v_item.value);
    EXCEPTION WHEN SQLSTATE 'TS001' THEN
      GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT, v_detail = PG_EXCEPTION_DETAIL;
      v_outs[v_item.ordinality] := jsonb_build_object('raised', v_message, 'detail', nullif(v_detail, ''));
    END;
  END LOOP;
  RETURN to_jsonb(v_outs);
END
$fn$`);
    await q.query(`
CREATE FUNCTION validation_scan_batch(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_item record;
  v_outs jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p)]);
BEGIN
  FOR v_item IN
    SELECT value, ordinality FROM jsonb_array_elements(p) WITH ORDINALITY
     ORDER BY value->>'ticketId' NULLS FIRST, value->>'nonce' NULLS FIRST, ordinality
  LOOP
    v_outs[v_item.ordinality] := validation_scan(v_item.value);
  END LOOP;
  RETURN to_jsonb(v_outs);
END
$fn$`);
    await q.query(`
CREATE FUNCTION sales_remember_refusals(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_item jsonb;
  v_existing record;
  v_outs jsonb := '[]';
BEGIN
  -- Losing these rows in a crash only frees their keys, so they need not wait for the disk.
  PERFORM set_config('synchronous_commit', 'off', true);
  FOR v_item IN SELECT value FROM jsonb_array_elements(p) LOOP
    INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body)
    VALUES (v_item->>'scope', v_item->>'key', v_item->>'hash', 400, v_item->'answer') ON CONFLICT DO NOTHING;
    IF FOUND THEN
      v_outs := v_outs || jsonb_build_array(jsonb_build_object('outcome', 'stored'));
    ELSE
      SELECT request_hash AS hash, response_body AS answer INTO v_existing
        FROM idempotency_keys WHERE scope = v_item->>'scope' AND key = v_item->>'key';
      v_outs := v_outs || jsonb_build_array(
        jsonb_build_object('outcome', 'replay', 'hash', v_existing.hash, 'answer', v_existing.answer));
    END IF;
  END LOOP;
  RETURN v_outs;
END
$fn$`);
    await q.query('DROP FUNCTION sales_remember_refusal(text, text, text, jsonb)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REMEMBER_REFUSAL);
    await q.query('DROP FUNCTION sales_remember_refusals(jsonb)');
    await q.query('DROP FUNCTION validation_scan_batch(jsonb)');
    await q.query('DROP FUNCTION sales_sell_direct_batch(jsonb)');
  }
}
