import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One scan in one round trip. The API checks the signature (CPU work) and hands this function what
 * it verified; the function replays a known nonce, finds the gate, the ticket and its purchase,
 * decides in the documented order (invalid, revoked, wrong_event, canceled, unpaid, blocked,
 * invalid_time, zone_denied, already_used), admits with one conditional upsert of the check-in row,
 * and writes the log row with the answer, all in the statement's own transaction. A nonce is
 * serialised with a transaction advisory lock (two-key form, class 7301) so that a retry racing its
 * first attempt waits for it and then replays its answer.
 *
 * Also: staff can block a ticket (a dispute, a suspected fraud) without revoking it; a blocked ticket
 * is refused with reason `blocked` until it is unblocked.
 */
export class ValidationScan1795685000000 implements MigrationInterface {
  name = 'ValidationScan1795685000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "issued_tickets" ADD "blocked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "blocked_reason" text`);
    await q.query(`ALTER TABLE "issued_tickets" ADD "blocked_by" uuid`);
    await q.query(
      `CREATE INDEX "issued_tickets_blocked_idx" ON "issued_tickets"  ("event_id") WHERE blocked_at IS NOT NULL`,
    );
    await q.query(`
CREATE FUNCTION validation_scan(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE
  v_scope text := p->>'scope';
  v_nonce text := p->>'nonce';
  v_direction text := p->>'direction';
  v_at timestamptz := (p->>'scannedAt')::timestamptz;
  v_gate_id uuid := (p->>'gateId')::uuid;
  v_for uuid := (p->>'eventId')::uuid;
  v_levels text[];
  v_reentry boolean := false;
  v_list uuid;
  v_gate_event uuid;
  v_t record;
  v_found boolean := false;
  v_ticket_id uuid;
  v_ticket_event uuid;
  v_result text := 'admitted';
  v_reason text;
  v_ticket jsonb;
  v_answer jsonb;
  v_prev jsonb;
BEGIN
  IF v_nonce IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(7301, hashtext(v_scope || ':' || v_nonce));
    SELECT answer INTO v_prev FROM validation_logs WHERE scope = v_scope AND nonce = v_nonce;
    IF FOUND THEN
      RETURN jsonb_build_object('answer', v_prev);
    END IF;
  END IF;

  IF v_gate_id IS NOT NULL THEN
    SELECT g.event_id, g.check_in_list_id, z.access_levels, l.allow_reentry
      INTO v_gate_event, v_list, v_levels, v_reentry
      FROM gates g JOIN check_in_lists l ON l.id = g.check_in_list_id LEFT JOIN zones z ON z.id = g.zone_id
     WHERE g.id = v_gate_id;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('error', 'GATE_NOT_FOUND');
    END IF;
    v_for := v_gate_event;
  END IF;

  IF p->>'ticketId' IS NOT NULL THEN
    SELECT t.id, t.event_id, t.status, t.blocked_at, p2.status AS purchase_status, tt.access_level,
           tt.name AS type_name, t.seat_id, sec.name AS section, s.row, s.label,
           coalesce(t.holder_name, u.name) AS holder_name
      INTO v_t
      FROM issued_tickets t
      JOIN ticket_purchases p2 ON p2.id = t.purchase_id
      JOIN ticket_types tt ON tt.id = t.ticket_type_id
      LEFT JOIN users u ON u.id = t.holder_id
      LEFT JOIN seats s ON s.id = t.seat_id
      LEFT JOIN sections sec ON sec.id = s.section_id
     WHERE t.id = (p->>'ticketId')::uuid AND t.code = p->>'code';
    v_found := FOUND;
  END IF;

  IF NOT v_found THEN
    v_result := 'rejected';
    v_reason := 'invalid';
  ELSE
    v_ticket_id := v_t.id;
    v_ticket_event := v_t.event_id;
    v_ticket := jsonb_build_object(
      'id', v_t.id,
      'eventId', v_t.event_id,
      'ticketTypeName', v_t.type_name,
      'seat', CASE WHEN v_t.seat_id IS NULL THEN 'null'::jsonb ELSE jsonb_build_object(
        'id', v_t.seat_id, 'section', coalesce(v_t.section, ''), 'row', coalesce(v_t.row, ''),
        'label', coalesce(v_t.label, '')) END,
      'holderName', v_t.holder_name);
    v_reason := CASE
      WHEN v_t.status = 'revoked' THEN 'revoked'
      WHEN v_for IS NOT NULL AND v_for <> v_t.event_id THEN 'wrong_event'
      WHEN v_t.status IN ('refunded', 'canceled') THEN 'canceled'
      WHEN v_t.purchase_status NOT IN ('paid', 'partially_refunded') THEN 'unpaid'
      WHEN v_t.blocked_at IS NOT NULL THEN 'blocked'
      WHEN v_direction = 'entry' AND p->>'notBefore' IS NOT NULL AND p->>'notAfter' IS NOT NULL
           AND (v_at < (p->>'notBefore')::timestamptz OR v_at >= (p->>'notAfter')::timestamptz) THEN 'invalid_time'
      WHEN v_levels IS NOT NULL AND NOT (v_t.access_level = ANY (v_levels)) THEN 'zone_denied'
    END;
    IF v_reason IS NOT NULL THEN
      v_result := 'rejected';
    ELSE
      IF v_list IS NULL THEN
        SELECT id INTO v_list FROM check_in_lists WHERE event_id = v_t.event_id AND is_default;
        IF v_list IS NULL THEN
          INSERT INTO check_in_lists (event_id, name, is_default) VALUES (v_t.event_id, 'Main entrance', true)
            ON CONFLICT (event_id) WHERE is_default DO UPDATE SET is_default = true RETURNING id INTO v_list;
        END IF;
      END IF;
      IF (p->>'turnedAway')::boolean THEN
        -- A holder a device turned away while offline was not let in: logged, never checked in.
        v_result := 'rejected';
        IF v_direction = 'entry' AND EXISTS (SELECT 1 FROM check_ins
             WHERE check_in_list_id = v_list AND ticket_id = v_t.id AND state = 'in') THEN
          v_reason := 'already_used';
        END IF;
      ELSIF v_direction = 'exit' THEN
        UPDATE check_ins SET state = 'out', changed_at = now()
         WHERE check_in_list_id = v_list AND ticket_id = v_t.id AND state = 'in';
      ELSE
        INSERT INTO check_ins (check_in_list_id, ticket_id, state, first_admitted_at, changed_at)
        VALUES (v_list, v_t.id, 'in', v_at, v_at)
        ON CONFLICT (check_in_list_id, ticket_id) DO UPDATE SET state = 'in', changed_at = v_at
         WHERE check_ins.state = 'out' AND v_reentry;
        IF FOUND THEN
          UPDATE issued_tickets SET used_at = now() WHERE id = v_t.id AND used_at IS NULL;
        ELSE
          v_result := 'rejected';
          v_reason := 'already_used';
        END IF;
      END IF;
    END IF;
  END IF;

  v_answer := jsonb_build_object('result', v_result, 'scannedAt', p->>'scannedAt');
  IF v_reason IS NOT NULL THEN
    v_answer := v_answer || jsonb_build_object('reason', v_reason);
  END IF;
  IF v_ticket IS NOT NULL THEN
    v_answer := v_answer || jsonb_build_object('ticket', v_ticket);
  END IF;
  INSERT INTO validation_logs (scope, nonce, event_id, ticket_id, gate_id, check_in_list_id, direction, result,
                               reason, scanned_at, answer)
  VALUES (v_scope, v_nonce, coalesce(v_ticket_event, v_gate_event), v_ticket_id, v_gate_id, v_list, v_direction, v_result,
          v_reason, v_at, v_answer);
  RETURN jsonb_build_object('answer', v_answer);
END
$fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION validation_scan(jsonb)`);
    await q.query(`DROP INDEX "public"."issued_tickets_blocked_idx"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "blocked_by"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "blocked_reason"`);
    await q.query(`ALTER TABLE "issued_tickets" DROP COLUMN "blocked_at"`);
  }
}
