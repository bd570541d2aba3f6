-- The Idempotency-Key of a write that is one SQL function (dg_application_file and
-- dg_stay_book_once, 0040, re-created below to use them), kept in one place: the same rules
-- as platform/idempotency (the key's row written with the effect, in its transaction).
-- dg_idempotency_claim inserts the key's row (a concurrent twin waits on its primary key).
-- NULL: go on (no key, or a new one). Otherwise the first call's response, which the caller
-- answers as a replay without writing anything; the key under another request raises
-- 'IDEMPOTENCY_KEY_REUSED', a first call still running 'IDEMPOTENCY_KEY_IN_FLIGHT'
-- (SQLSTATE 'DG001', the app's error codes).
CREATE OR REPLACE FUNCTION dg_idempotency_claim(
  p_hub uuid, p_user uuid, p_key text, p_operation text, p_request_hash text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_first record;
BEGIN
  IF p_key IS NULL THEN RETURN NULL; END IF;
  INSERT INTO idempotency_keys (hub_id, user_id, key, operation, request_hash)
  VALUES (p_hub, p_user, p_key, p_operation, p_request_hash)
  ON CONFLICT DO NOTHING;
  IF FOUND THEN RETURN NULL; END IF;
  SELECT k.operation, k.request_hash, k.status_code, k.response INTO v_first
  FROM idempotency_keys k WHERE k.hub_id = p_hub AND k.user_id = p_user AND k.key = p_key;
  IF v_first.request_hash IS DISTINCT FROM p_request_hash OR v_first.operation IS DISTINCT FROM p_operation THEN
    RAISE EXCEPTION 'IDEMPOTENCY_KEY_REUSED' USING ERRCODE = 'DG001';
  END IF;
  IF v_first.status_code IS NULL THEN RAISE EXCEPTION 'IDEMPOTENCY_KEY_IN_FLIGHT' USING ERRCODE = 'DG001'; END IF;
  RETURN v_first.response;
END $$;
--> statement-breakpoint

-- The key's answer, kept for its replays (nothing without a key).
CREATE OR REPLACE FUNCTION dg_idempotency_answer(p_hub uuid, p_user uuid, p_key text, p_status int, p_response jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_key IS NOT NULL THEN
    UPDATE idempotency_keys SET status_code = p_status, response = p_response WHERE hub_id = p_hub AND user_id = p_user AND key = p_key;
  END IF;
END $$;
--> statement-breakpoint

-- An application filed in one call with its Idempotency-Key (docs/scaling.md), as a booking
-- is (0040): a rule-only submission is its reads, then this, and no transaction of the
-- app's own. The app judges first (criteria, benefit, refusal margins) and hands over the
-- rows it decided; this writes them in one statement and one transaction:
--   the key's row (with p_key: a concurrent twin waits on its primary key, then replays the
--   first result; another request under the key is 'IDEMPOTENCY_KEY_REUSED'; a first call
--   still running 'IDEMPOTENCY_KEY_IN_FLIGHT'; SQLSTATE 'DG001', nothing written),
--   the application (p_application: its columns by name; its number taken here by
--   dg_application_number for the hub's local year p_year and code p_code),
--   its refusal margins (p_misses: criterion_misses rows by column name, or []),
--   the award's commitment on the ledger (p_commit, or null: dg_ledger_commit, with the
--   unconditional tranches paid at once when postAmount > 0),
--   the audit event (p_action, p_payload: canonical JSON, hashed as recordAudit does),
--   and the application's row kept as the key's answer (status 201).
-- A program with a notice period also puts the award on the board: the app calls this
-- inside its transaction and writes the notice after it, so both commit or neither does.
-- Errors keep their SQLSTATE and constraint (applications_once_idx: ALREADY_APPLIED; the
-- ledger's own), so the app maps them as it maps a commit's.
-- On Citus `db distribute` delegates it on p_hub (not forced: alone, it is its own
-- transaction and runs on the hub's worker).
CREATE OR REPLACE FUNCTION dg_application_file(
  p_hub uuid, p_user uuid, p_key text, p_operation text, p_request_hash text,
  p_year int, p_code text, p_application jsonb, p_misses jsonb, p_commit jsonb,
  p_event uuid, p_at timestamptz, p_action text, p_payload text
) RETURNS TABLE (replayed boolean, result jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_first jsonb;
  v_row applications%ROWTYPE;
  v_result jsonb;
BEGIN
  v_first := dg_idempotency_claim(p_hub, p_user, p_key, p_operation, p_request_hash);
  IF v_first IS NOT NULL THEN
    RETURN QUERY SELECT true, v_first;
    RETURN;
  END IF;

  INSERT INTO applications (hub_id, id, number, program_id, program_version, applicant_type, organization_id, person_id,
    submitted_by, status, answers, screening, benefit, amount, claim_key, once_key, commitment_id)
  SELECT p_hub, a.id, dg_application_number(p_hub, p_year, p_code), a.program_id, a.program_version, a.applicant_type,
    a.organization_id, a.person_id, a.submitted_by, a.status, a.answers, a.screening, a.benefit, a.amount, a.claim_key,
    a.once_key, a.commitment_id
  FROM jsonb_populate_record(NULL::applications, p_application) a
  RETURNING * INTO v_row;

  INSERT INTO criterion_misses (hub_id, application_id, criterion, fact, op, value, threshold, relative)
  SELECT p_hub, v_row.id, m.criterion, m.fact, m.op, m.value, m.threshold, m.relative
  FROM jsonb_populate_recordset(NULL::criterion_misses, p_misses) m;

  IF p_commit IS NOT NULL THEN
    PERFORM 1 FROM dg_ledger_commit(p_hub, v_row.id, (p_commit->>'year')::int, p_commit->>'line', v_row.amount,
      'application', v_row.id::text, p_user, (p_commit->>'awardAccount')::uuid, (p_commit->>'event')::uuid,
      (p_commit->>'postTransfer')::uuid, (p_commit->>'postAmount')::bigint, (p_commit->>'postEvent')::uuid);
  END IF;

  PERFORM dg_audit_append(p_hub, p_event, p_at, p_user, p_action, 'application', v_row.id::text, p_payload);

  v_result := to_jsonb(v_row);
  PERFORM dg_idempotency_answer(p_hub, p_user, p_key, 201, v_result);
  RETURN QUERY SELECT false, v_result;
END $$;
--> statement-breakpoint

-- A booking in one call (0040), as before, its key through the two functions above.
CREATE OR REPLACE FUNCTION dg_stay_book_once(
  p_hub uuid, p_user uuid, p_key text, p_operation text, p_request_hash text,
  p_station uuid, p_person uuid, p_check_in date, p_check_out date, p_booking uuid, p_event uuid, p_at timestamptz
) RETURNS TABLE (replayed boolean, result jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_first jsonb;
  v_result jsonb;
BEGIN
  v_first := dg_idempotency_claim(p_hub, p_user, p_key, p_operation, p_request_hash);
  IF v_first IS NOT NULL THEN
    RETURN QUERY SELECT true, v_first;
    RETURN;
  END IF;
  PERFORM 1 FROM dg_stay_book(p_hub, p_station, p_person, p_user, p_check_in, p_check_out, p_booking, p_event, p_at, p_user);
  SELECT jsonb_build_object('booking', to_jsonb(b), 'bed', jsonb_build_object(
      'id', d.id, 'label', d.label, 'room', r.name, 'stationId', s.id,
      'nameZh', s.name_zh, 'nameEn', s.name_en, 'addressZh', s.address_zh, 'addressEn', s.address_en))
    INTO v_result
  FROM stay_bookings b
  JOIN stay_beds d ON d.hub_id = b.hub_id AND d.id = b.bed_id
  JOIN stay_rooms r ON r.hub_id = d.hub_id AND r.id = d.room_id
  JOIN stay_stations s ON s.hub_id = d.hub_id AND s.id = d.station_id
  WHERE b.hub_id = p_hub AND b.id = p_booking;
  PERFORM dg_idempotency_answer(p_hub, p_user, p_key, 201, v_result);
  RETURN QUERY SELECT false, v_result;
END $$;
