-- dg_ledger_commit can also pay part of the commitment at once (an award's unconditional
-- tranche): the pending transfer, its post, the commitment and both audit events in one
-- round trip. The old signature is dropped so there is one function of this name.
DROP FUNCTION IF EXISTS dg_ledger_commit(uuid, uuid, int, text, bigint, text, text, uuid, uuid, uuid);
--> statement-breakpoint
CREATE FUNCTION dg_ledger_commit(
  p_hub uuid, p_transfer uuid, p_year int, p_line text, p_amount bigint, p_cause_type text, p_cause_id text, p_actor uuid, p_award_account uuid, p_event uuid,
  p_post_transfer uuid DEFAULT NULL, p_post_amount bigint DEFAULT 0, p_post_event uuid DEFAULT NULL
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

  IF p_post_amount > 0 THEN
    -- Paying part at once (an unconditional tranche): a post of the pending transfer.
    INSERT INTO ledger_transfers (hub_id, id, fiscal_year_id, kind, debit_account_id, credit_account_id, amount, pending_id, reason, cause_type, cause_id, actor_id)
    VALUES (p_hub, p_post_transfer, v_year.id, 'post_pending', v_line, v_award, p_post_amount, p_transfer, 'disburse', p_cause_type, p_cause_id, p_actor);
  END IF;

  INSERT INTO commitments (hub_id, id, fiscal_year_id, line_account_id, award_account_id, amount, posted, cause_type, cause_id)
  VALUES (p_hub, p_transfer, v_year.id, v_line, v_award, p_amount, p_post_amount, p_cause_type, p_cause_id)
  RETURNING * INTO v_commitment;

  -- The contended rows (the line's totals, the hub's audit head) are touched last, so
  -- their locks are held for as short a time as possible before the commit.
  UPDATE ledger_accounts SET
    debits_pending = debits_pending + CASE WHEN id = v_line THEN p_amount - p_post_amount ELSE 0 END,
    debits_posted = debits_posted + CASE WHEN id = v_line THEN p_post_amount ELSE 0 END,
    credits_pending = credits_pending + CASE WHEN id = v_award THEN p_amount - p_post_amount ELSE 0 END,
    credits_posted = credits_posted + CASE WHEN id = v_award THEN p_post_amount ELSE 0 END
  WHERE hub_id = p_hub AND id IN (v_line, v_award);
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted <> 2 THEN RAISE EXCEPTION 'ACCOUNTS_MISSING' USING ERRCODE = 'DG001'; END IF;

  PERFORM dg_audit_append(p_hub, p_event, v_at, p_actor, 'ledger.committed', 'commitment', p_transfer::text,
    '{"amount":' || to_json(p_amount::text)::text
    || ',"cause":{"id":' || to_json(p_cause_id)::text || ',"type":' || to_json(p_cause_type)::text || '}'
    || ',"line":' || to_json(p_line)::text || '}');
  IF p_post_amount > 0 THEN
    PERFORM dg_audit_append(p_hub, p_post_event, v_at, p_actor, 'ledger.disbursed', 'commitment', p_transfer::text,
      '{"amount":' || to_json(p_post_amount::text)::text || ',"transferId":' || to_json(p_post_transfer::text)::text || '}');
  END IF;
  RETURN v_commitment;
END $$;
