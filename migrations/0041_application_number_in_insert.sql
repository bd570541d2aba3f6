-- An application's number taken in the statement that inserts the application
-- (application-numbers.ts), one round trip fewer per submission: the hub's counter for the
-- year moved by one upsert (concurrent applications wait on that row until their commit,
-- as before; a rolled-back one leaves a gap, never a twin) and the number written as
-- HZ-2026-000123 (the hub's code, the year, the sequence padded to at least six digits).
-- On Citus the function runs where the INSERT is planned, inside the same transaction.
CREATE OR REPLACE FUNCTION dg_application_number(p_hub uuid, p_year int, p_code text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_last text;
BEGIN
  INSERT INTO application_counters (hub_id, year, last_number) VALUES (p_hub, p_year, 1)
  ON CONFLICT (hub_id, year) DO UPDATE SET last_number = application_counters.last_number + 1
  RETURNING last_number INTO v_last;
  RETURN p_code || '-' || p_year::text || '-' || lpad(v_last, greatest(6, length(v_last)), '0');
END $$;
