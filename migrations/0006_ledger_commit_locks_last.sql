-- dg_ledger_commit again, touching the contended rows (line totals, audit head) last.
-- One round trip per commitment: the ledger's hottest path as a single function.
-- It does exactly what commitments.service.ts documents (year guard, line, award account,
-- pending transfer, both account totals, commitment row, audit event) inside the caller's
-- transaction; every invariant is still held by the tables' constraints, not by this code.
-- Errors: SQLSTATE 'DG001' with the app error code as message; CHECK violations (23514)
-- propagate with their constraint names.
CREATE OR REPLACE FUNCTION dg_audit_append(
  p_hub uuid, p_event uuid, p_at timestamptz, p_actor uuid, p_action text, p_subject_type text, p_subject_id text, p_payload_canonical text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
  v_at text := to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
BEGIN
  INSERT INTO audit_heads (hub_id, seq, hash) VALUES (p_hub, 0, repeat('0', 64))
  ON CONFLICT (hub_id) DO UPDATE SET seq = audit_heads.seq
  RETURNING seq, hash INTO v_seq, v_prev;
  v_seq := v_seq + 1;
  -- The same bytes as hash-chain.ts chainHash(prev, event): prev, a newline, then the
  -- event as canonical JSON (keys sorted).
  v_hash := encode(sha256(convert_to(v_prev || E'\n' || '{'
    || '"action":' || to_json(p_action)::text
    || ',"actorId":' || coalesce(to_json(p_actor::text)::text, 'null')
    || ',"hubId":' || to_json(p_hub::text)::text
    || ',"id":' || to_json(p_event::text)::text
    || ',"occurredAt":' || to_json(v_at)::text
    || ',"payload":' || p_payload_canonical
    || ',"seq":' || v_seq::text
    || ',"subjectId":' || to_json(p_subject_id)::text
    || ',"subjectType":' || to_json(p_subject_type)::text
    || '}', 'UTF8')), 'hex');
  INSERT INTO audit_events (hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash)
  VALUES (p_hub, v_seq, p_event, p_at, p_actor, p_action, p_subject_type, p_subject_id, p_payload_canonical::jsonb, v_prev, v_hash);
  UPDATE audit_heads SET seq = v_seq, hash = v_hash WHERE hub_id = p_hub;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dg_ledger_commit(
  p_hub uuid, p_transfer uuid, p_year int, p_line text, p_amount bigint, p_cause_type text, p_cause_id text, p_actor uuid, p_award_account uuid, p_event uuid
) RETURNS commitments LANGUAGE plpgsql AS $$
DECLARE
  v_year fiscal_years%ROWTYPE;
  v_line uuid;
  v_award uuid;
  v_award_code text := 'award:' || p_cause_type || ':' || p_cause_id;
  v_first ledger_transfers%ROWTYPE;
  v_inserted int;
  v_commitment commitments%ROWTYPE;
  v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_hub::text || ':' || p_year::text, 0));
  SELECT * INTO v_year FROM fiscal_years WHERE hub_id = p_hub AND year = p_year;
  IF NOT FOUND THEN RAISE EXCEPTION 'NOT_FOUND' USING ERRCODE = 'DG001'; END IF;
  IF v_year.status <> 'open' THEN RAISE EXCEPTION 'FISCAL_YEAR_CLOSED' USING ERRCODE = 'DG001'; END IF;
  SELECT id INTO v_line FROM ledger_accounts WHERE hub_id = p_hub AND fiscal_year_id = v_year.id AND code = p_line;
  IF v_line IS NULL THEN RAISE EXCEPTION 'LINE_NOT_FOUND' USING ERRCODE = 'DG001'; END IF;

  INSERT INTO ledger_accounts (hub_id, id, fiscal_year_id, kind, code, name_zh, name_en, debits_must_not_exceed_credits)
  VALUES (p_hub, p_award_account, v_year.id, 'award', v_award_code, '资助 ' || p_cause_id, 'Award ' || p_cause_id, true)
  ON CONFLICT (hub_id, fiscal_year_id, code) DO NOTHING
  RETURNING id INTO v_award;
  IF v_award IS NULL THEN
    SELECT id INTO v_award FROM ledger_accounts WHERE hub_id = p_hub AND fiscal_year_id = v_year.id AND code = v_award_code;
  END IF;

  INSERT INTO ledger_transfers (hub_id, id, fiscal_year_id, kind, debit_account_id, credit_account_id, amount, reason, cause_type, cause_id, actor_id)
  VALUES (p_hub, p_transfer, v_year.id, 'pending', v_line, v_award, p_amount, 'commit', p_cause_type, p_cause_id, p_actor)
  ON CONFLICT (hub_id, id) DO NOTHING;
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted = 0 THEN
    SELECT * INTO v_first FROM ledger_transfers WHERE hub_id = p_hub AND id = p_transfer;
    IF v_first.kind <> 'pending' OR v_first.debit_account_id <> v_line OR v_first.credit_account_id <> v_award OR v_first.amount <> p_amount THEN
      RAISE EXCEPTION 'TRANSFER_ID_REUSED' USING ERRCODE = 'DG001';
    END IF;
    SELECT * INTO v_commitment FROM commitments WHERE hub_id = p_hub AND id = p_transfer;
    RETURN v_commitment;
  END IF;

  INSERT INTO commitments (hub_id, id, fiscal_year_id, line_account_id, award_account_id, amount, cause_type, cause_id)
  VALUES (p_hub, p_transfer, v_year.id, v_line, v_award, p_amount, p_cause_type, p_cause_id)
  RETURNING * INTO v_commitment;

  -- The contended rows (the line's totals, the hub's audit head) are touched last, so
  -- their locks are held for as short a time as possible before the commit.
  UPDATE ledger_accounts SET
    debits_pending = debits_pending + CASE WHEN id = v_line THEN p_amount ELSE 0 END,
    credits_pending = credits_pending + CASE WHEN id = v_award THEN p_amount ELSE 0 END
  WHERE hub_id = p_hub AND id IN (v_line, v_award);
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted <> 2 THEN RAISE EXCEPTION 'ACCOUNTS_MISSING' USING ERRCODE = 'DG001'; END IF;

  PERFORM dg_audit_append(p_hub, p_event, v_at, p_actor, 'ledger.committed', 'commitment', p_transfer::text,
    '{"amount":' || to_json(p_amount::text)::text
    || ',"cause":{"id":' || to_json(p_cause_id)::text || ',"type":' || to_json(p_cause_type)::text || '}'
    || ',"line":' || to_json(p_line)::text || '}');
  RETURN v_commitment;
END $$;
