CREATE TABLE "award_locks" (
	"hub_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "award_locks_hub_id_key_pk" PRIMARY KEY("hub_id","key")
);
--> statement-breakpoint

-- An award's turn (programs.tables.ts, award_locks): its rows locked in one order, made when
-- new (a concurrent first maker waits on the primary key, then locks the row made). Held to
-- the end of the transaction. An approval calls it before reading the earlier awards it is
-- priced on; on Citus the rows sit on the hub's shard wherever the call runs.
CREATE OR REPLACE FUNCTION dg_award_lock(p_hub uuid, p_keys text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_key text;
BEGIN
  FOR v_key IN SELECT DISTINCT k FROM unnest(p_keys) k WHERE k IS NOT NULL ORDER BY k LOOP
    INSERT INTO award_locks (hub_id, key) VALUES (p_hub, v_key)
    ON CONFLICT (hub_id, key) DO UPDATE SET key = EXCLUDED.key;
  END LOOP;
END $$;
--> statement-breakpoint

-- dg_application_file (0042) with the award's turn: an approval (p_commit given) takes
-- dg_award_lock on its applicant and its claim, then compares the earlier awards it was
-- judged on (p_commit->'prior': the ids of the applicant's awards and the claim's, as
-- prior-awards.ts read them; AWARDED_STATUSES there) with those now committed. Another
-- approval committed in between raises 'PRIOR_AWARDS_CHANGED' (SQLSTATE 'DG002', nothing
-- written): the app judges the submission again on the new history and files that. The
-- commitment is p_commit->>'amount', the city's share of a co-funded award (the employer
-- pays the rest itself), no longer the application's whole amount.
CREATE OR REPLACE FUNCTION dg_application_file(
  p_hub uuid, p_user uuid, p_key text, p_operation text, p_request_hash text,
  p_year int, p_code text, p_application jsonb, p_misses jsonb, p_commit jsonb,
  p_event uuid, p_at timestamptz, p_action text, p_payload text
) RETURNS TABLE (replayed boolean, result jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_first jsonb;
  v_row applications%ROWTYPE;
  v_result jsonb;
  v_new applications%ROWTYPE;
  v_applicant uuid;
BEGIN
  v_first := dg_idempotency_claim(p_hub, p_user, p_key, p_operation, p_request_hash);
  IF v_first IS NOT NULL THEN
    RETURN QUERY SELECT true, v_first;
    RETURN;
  END IF;

  IF p_commit IS NOT NULL THEN
    v_new := jsonb_populate_record(NULL::applications, p_application);
    v_applicant := coalesce(v_new.organization_id, v_new.person_id);
    PERFORM dg_award_lock(p_hub, ARRAY['applicant:' || v_applicant, 'claim:' || v_new.claim_key]);
    IF ARRAY(SELECT a.id FROM applications a
             WHERE a.hub_id = p_hub AND a.status IN ('approved', 'awarded', 'in_payment', 'closed')
               AND (a.organization_id = v_applicant OR a.person_id = v_applicant OR a.claim_key = v_new.claim_key)
             ORDER BY a.id)
       IS DISTINCT FROM ARRAY(SELECT p::uuid FROM jsonb_array_elements_text(coalesce(p_commit->'prior', '[]')) p ORDER BY 1) THEN
      RAISE EXCEPTION 'PRIOR_AWARDS_CHANGED' USING ERRCODE = 'DG002';
    END IF;
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
    PERFORM 1 FROM dg_ledger_commit(p_hub, v_row.id, (p_commit->>'year')::int, p_commit->>'line', (p_commit->>'amount')::bigint,
      'application', v_row.id::text, p_user, (p_commit->>'awardAccount')::uuid, (p_commit->>'event')::uuid,
      (p_commit->>'postTransfer')::uuid, (p_commit->>'postAmount')::bigint, (p_commit->>'postEvent')::uuid);
  END IF;

  PERFORM dg_audit_append(p_hub, p_event, p_at, p_user, p_action, 'application', v_row.id::text, p_payload);

  v_result := to_jsonb(v_row);
  PERFORM dg_idempotency_answer(p_hub, p_user, p_key, 201, v_result);
  RETURN QUERY SELECT false, v_result;
END $$;
