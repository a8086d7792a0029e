import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first version of the sale function; later migrations that replace it restore it on the way down. */
export const SELL_DIRECT_V1 = `
CREATE FUNCTION sales_sell_direct(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_event uuid := (p->>'eventId')::uuid;
  v_purchase uuid := (p->>'purchaseId')::uuid;
  v_customer uuid := (p->>'customerId')::uuid;
  v_email text := p->>'buyerEmail';
  v_status text;
  v_limit integer;
  v_owned integer;
  v_held integer;
  v_counters integer := jsonb_array_length(p->'counters');
  v_sold integer;
  v_short record;
  v_answer jsonb := p->'answer';
  v_existing record;
BEGIN
  INSERT INTO idempotency_keys (scope, key, request_hash) VALUES (p->>'scope', p->>'key', p->>'hash')
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    SELECT request_hash AS hash, response_body AS answer INTO v_existing
      FROM idempotency_keys WHERE scope = p->>'scope' AND key = p->>'key';
    RETURN jsonb_build_object('outcome', 'replay', 'hash', v_existing.hash, 'answer', v_existing.answer);
  END IF;

  SELECT status, max_tickets_per_customer INTO v_status, v_limit FROM games WHERE id = v_event;
  IF v_status IS DISTINCT FROM 'on_sale' THEN
    RAISE EXCEPTION USING ERRCODE = 'TS001', MESSAGE = 'event_not_on_sale';
  END IF;
  IF v_customer IS NOT NULL AND (p->>'customerLimit')::boolean AND v_limit IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('customer:' || v_customer || ':' || v_event));
    SELECT count(*) INTO v_owned FROM issued_tickets
      WHERE holder_id = v_customer AND event_id = v_event AND status = 'valid';
    SELECT coalesce(sum(i.quantity), 0) INTO v_held FROM holds h JOIN hold_items i ON i.hold_id = h.id
      WHERE h.user_id = v_customer AND h.event_id = v_event AND h.status = 'active' AND h.expires_at > now();
    IF v_owned + v_held + (p->>'quantity')::integer > v_limit THEN
      RAISE EXCEPTION USING ERRCODE = 'TS001', MESSAGE = 'customer_limit';
    END IF;
  END IF;
  IF v_email IS NULL AND v_customer IS NOT NULL AND (p->>'customerEmail')::boolean THEN
    SELECT email INTO v_email FROM users WHERE id = v_customer;
  END IF;

  INSERT INTO ticket_purchases (id, event_id, customer_id, buyer_email, buyer_name, channel, sold_by, api_client_id,
                                hold_id, status, total, currency, items, payment_method, version, paid_at)
  SELECT v_purchase, v_event, v_customer, v_email, x.buyer_name, x.channel, x.sold_by, x.api_client_id,
         NULL, 'paid', x.total, x.currency, p->'purchase'->'items', x.payment_method,
         jsonb_array_length(p->'events'), x.paid_at
    FROM jsonb_to_record(p->'purchase') AS x(buyer_name text, channel text, sold_by uuid, api_client_id uuid,
                                             total integer, currency text, payment_method text, paid_at timestamptz);
  INSERT INTO purchase_events (purchase_id, seq, type, data)
  SELECT v_purchase, e.ordinality, e.value->>'type', e.value->'data'
    FROM jsonb_array_elements(p->'events') WITH ORDINALITY AS e;
  INSERT INTO payments (purchase_id, method, status, amount, currency, provider_ref)
  SELECT v_purchase, x.method, 'succeeded', x.amount, x.currency, x.ref
    FROM jsonb_to_record(p->'payment') AS x(method text, amount integer, currency text, ref text);
  INSERT INTO issued_tickets (id, purchase_id, event_id, ticket_type_id, seat_id, holder_id, price, currency, code)
  SELECT t.id, v_purchase, v_event, t.ticket_type_id, NULL, v_customer, t.price, t.currency, t.code
    FROM jsonb_to_recordset(p->'tickets') AS t(id uuid, ticket_type_id uuid, price integer, currency text, code text);
  IF p->'message' IS NOT NULL THEN
    INSERT INTO outbox_messages (queue, name, payload)
    VALUES (p->'message'->>'queue', p->'message'->>'name', p->'message'->'payload');
  END IF;
  v_answer := jsonb_set(v_answer, '{body,buyerEmail}', coalesce(to_jsonb(v_email), 'null'::jsonb));
  UPDATE idempotency_keys SET response_status = 201, response_body = v_answer
   WHERE scope = p->>'scope' AND key = p->>'key';

  -- The quota decision, last: the hot counter rows stay locked only until the commit right after.
  -- Every counter or none (the API sorts them by id, so locks come in one order).
  UPDATE ticket_types t SET sold = t.sold + c.n
    FROM jsonb_to_recordset(p->'counters') AS c(id uuid, n integer, stamp text)
   WHERE t.id = c.id AND t.event_id = v_event AND t.updated_at = c.stamp::timestamptz
     AND (t.capacity IS NULL OR t.sold + t.held + c.n <= t.capacity);
  GET DIAGNOSTICS v_sold = ROW_COUNT;
  IF v_sold <> v_counters THEN
    SELECT t.id, t.sold, t.held, t.capacity, t.updated_at = c.stamp::timestamptz AS fresh INTO v_short
      FROM jsonb_to_recordset(p->'counters') AS c(id uuid, n integer, stamp text)
      LEFT JOIN ticket_types t ON t.id = c.id
     WHERE t.id IS NULL OR t.updated_at <> c.stamp::timestamptz
        OR (t.capacity IS NOT NULL AND t.sold + t.held + c.n > t.capacity)
     LIMIT 1;
    IF v_short.id IS NULL OR NOT v_short.fresh THEN
      RAISE EXCEPTION USING ERRCODE = 'TS001', MESSAGE = 'stale';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'TS001', MESSAGE = 'sold_out',
      DETAIL = jsonb_build_object('ticketTypeId', v_short.id, 'sold', v_short.sold, 'held', v_short.held,
                                  'capacity', v_short.capacity)::text;
  END IF;

  RETURN jsonb_build_object('outcome', 'sold', 'buyerEmail', v_email);
END
$fn$`;

/** Stores a refusal given without a sale; replaced by `sales_remember_refusals` (migration GroupCommit). */
export const REMEMBER_REFUSAL = `
CREATE FUNCTION sales_remember_refusal(p_scope text, p_key text, p_hash text, p_answer jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  v_existing record;
BEGIN
  -- Losing this row in a crash only frees the key, so it need not wait for the disk.
  PERFORM set_config('synchronous_commit', 'off', true);
  INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body)
  VALUES (p_scope, p_key, p_hash, 400, p_answer) ON CONFLICT DO NOTHING;
  IF FOUND THEN
    RETURN jsonb_build_object('outcome', 'stored');
  END IF;
  SELECT request_hash AS hash, response_body AS answer INTO v_existing
    FROM idempotency_keys WHERE scope = p_scope AND key = p_key;
  RETURN jsonb_build_object('outcome', 'replay', 'hash', v_existing.hash, 'answer', v_existing.answer);
END
$fn$`;

/**
 * The flash-sale statement: a general-admission sale paid by a local provider, decided and written
 * in one round trip. The API prepares every row (ids, prices, signed codes, the answer) and this
 * function claims the Idempotency-Key, checks the event and the per-customer limit, writes the
 * purchase, its events, payment, tickets and outbox message, and last sells the quota with a
 * conditional UPDATE (the CHECK constraint stays the backstop), so the counter row is locked only
 * until the commit. Anything it cannot decide raises
 * SQLSTATE TS001 with the reason in MESSAGE, so the whole sale rolls back and the API answers
 * through its ordinary path. `sales_remember_refusal` stores a refusal given without a sale
 * (a type known to be sold out) as the key's answer.
 */
export class DirectSale1795670000000 implements MigrationInterface {
  name = 'DirectSale1795670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SELL_DIRECT_V1);
    await q.query(REMEMBER_REFUSAL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION sales_remember_refusal(text, text, text, jsonb)');
    await q.query('DROP FUNCTION sales_sell_direct(jsonb)');
  }
}
