ALTER TABLE "audit_events" ADD COLUMN "hash_alg" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_cards" ADD COLUMN "alg" text DEFAULT 'ed25519' NOT NULL;--> statement-breakpoint
ALTER TABLE "talent_signing_keys" ADD COLUMN "alg" text DEFAULT 'ed25519' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_hash_alg_check" CHECK ("audit_events"."hash_alg" IN ('sha256','sm3'));--> statement-breakpoint
ALTER TABLE "talent_signing_keys" ADD CONSTRAINT "talent_signing_keys_alg_check" CHECK ("talent_signing_keys"."alg" IN ('ed25519','sm2'));--> statement-breakpoint
-- The audit chain in the deployment's crypto suite: SHA-256, or SM3 (pgcrypto's digest,
-- through PostgreSQL's OpenSSL) when the session says dragongate.crypto_suite = gm
-- (server/db/connection.ts sets it from CRYPTO_SUITE). Each event records its hash_alg,
-- so a chain that mixes suites verifies. The same bytes as hash-chain.ts chainHash.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dg_audit_append(
  p_hub uuid, p_event uuid, p_at timestamptz, p_actor uuid, p_action text, p_subject_type text, p_subject_id text, p_payload_canonical text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
  v_bytes bytea;
  v_alg text := CASE WHEN current_setting('dragongate.crypto_suite', true) = 'gm' THEN 'sm3' ELSE 'sha256' END;
  v_at text := to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
BEGIN
  INSERT INTO audit_heads (hub_id, seq, hash) VALUES (p_hub, 0, repeat('0', 64))
  ON CONFLICT (hub_id) DO UPDATE SET seq = audit_heads.seq
  RETURNING seq, hash INTO v_seq, v_prev;
  v_seq := v_seq + 1;
  v_bytes := convert_to(v_prev || E'\n' || '{'
    || '"action":' || to_json(p_action)::text
    || ',"actorId":' || coalesce(to_json(p_actor::text)::text, 'null')
    || ',"hubId":' || to_json(p_hub::text)::text
    || ',"id":' || to_json(p_event::text)::text
    || ',"occurredAt":' || to_json(v_at)::text
    || ',"payload":' || p_payload_canonical
    || ',"seq":' || v_seq::text
    || ',"subjectId":' || to_json(p_subject_id)::text
    || ',"subjectType":' || to_json(p_subject_type)::text
    || '}', 'UTF8');
  v_hash := encode(CASE WHEN v_alg = 'sm3' THEN digest(v_bytes, 'sm3') ELSE sha256(v_bytes) END, 'hex');
  INSERT INTO audit_events (hub_id, seq, id, occurred_at, actor_id, action, subject_type, subject_id, payload, prev_hash, hash, hash_alg)
  VALUES (p_hub, v_seq, p_event, p_at, p_actor, p_action, p_subject_type, p_subject_id, p_payload_canonical::jsonb, v_prev, v_hash, v_alg);
  UPDATE audit_heads SET seq = v_seq, hash = v_hash WHERE hub_id = p_hub;
END $$;
