-- Bookings and leases commit in one call (docs/scaling.md): the whole write of a stay
-- booking or a lease is one SQL function, so on Citus it runs on the hub's worker
-- (`db distribute` makes every dg_ function whose first argument is p_hub a distributed
-- function; these two with force_delegation, so also inside the route's transaction).
-- Every statement names its hub (hub_id = p_hub) and touches one table or tables joined
-- on the hub: on a worker Citus then runs it on the local shard (a modifying CTE or an
-- INSERT ... SELECT would be planned in steps whose results go to every node, making each
-- call a distributed transaction), and forced delegation requires it.
-- Refusals: SQLSTATE 'DG001' with the app's error code as the message and the field's
-- detail as DETAIL. dg_stay_take and dg_space_take refuse by returning, not raising, so a
-- caller may go on in the same transaction (the waitlist tries the next in line).

-- The person locked (a transaction-level advisory lock on hub and person), their limits
-- checked, and (p_take) any free bed of the station taken for [p_check_in, p_check_out):
-- one INSERT ... SELECT of a bed that looks free, random order, ON CONFLICT DO NOTHING
-- against the exclusion constraint, again until it inserts or no bed looks free.
-- refusal: 'ALREADY_BOOKED' (another stay on these nights), 'STAY_LIMIT_REACHED' (detail
-- says which), 'NO_AVAILABILITY' (p_take and no bed); else the booking's id and bed.
CREATE OR REPLACE FUNCTION dg_stay_take(
  p_hub uuid, p_station uuid, p_person uuid, p_user uuid, p_check_in date, p_check_out date,
  p_take boolean, p_booking uuid, p_status text, p_replaces uuid, p_except uuid
) RETURNS TABLE (refusal text, detail text, booking_id uuid, bed_id uuid) LANGUAGE plpgsql AS $$
DECLARE
  v_station record;
  v_year int;
  v_ever int;
  v_overlapping boolean;
  v_nights int := p_check_out - p_check_in;
  v_bed uuid;
  v_code text;
  v_attempt int := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('stay:' || p_hub::text || ':' || p_person::text, 0));
  SELECT max_nights_per_year, max_nights_lifetime INTO v_station FROM stay_stations WHERE hub_id = p_hub AND id = p_station;
  SELECT coalesce(sum(b.check_out - b.check_in) FILTER (WHERE to_char(b.check_in, 'YYYY') = to_char(p_check_in, 'YYYY') AND b.station_id = p_station), 0)::int,
         coalesce(sum(b.check_out - b.check_in) FILTER (WHERE b.station_id = p_station), 0)::int,
         coalesce(bool_or(b.status IN ('offered','confirmed','checked_in') AND daterange(b.check_in, b.check_out) && daterange(p_check_in, p_check_out)), false)
    INTO v_year, v_ever, v_overlapping
    FROM stay_bookings b
   WHERE b.hub_id = p_hub AND b.person_id = p_person AND b.status IN ('offered','confirmed','checked_in','checked_out')
     AND (p_except IS NULL OR b.id <> p_except);
  IF v_overlapping THEN RETURN QUERY SELECT 'ALREADY_BOOKED', NULL::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF v_station.max_nights_per_year IS NOT NULL AND v_year + v_nights > v_station.max_nights_per_year THEN
    RETURN QUERY SELECT 'STAY_LIMIT_REACHED', format('%s of %s nights this year used', v_year, v_station.max_nights_per_year), NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  IF v_station.max_nights_lifetime IS NOT NULL AND v_ever + v_nights > v_station.max_nights_lifetime THEN
    RETURN QUERY SELECT 'STAY_LIMIT_REACHED', format('%s of %s nights used', v_ever, v_station.max_nights_lifetime), NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  IF NOT p_take THEN RETURN QUERY SELECT NULL::text, NULL::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  LOOP
    -- A new statement, a new snapshot: a bed taken meanwhile is seen and not picked again.
    SELECT b.id INTO v_bed FROM stay_beds b
    WHERE b.hub_id = p_hub AND b.station_id = p_station
      AND NOT EXISTS (
        SELECT 1 FROM stay_bookings k
        WHERE k.hub_id = p_hub AND k.bed_id = b.id AND k.status IN ('offered','confirmed','checked_in')
          AND daterange(k.check_in, k.check_out) && daterange(p_check_in, p_check_out))
    ORDER BY random()
    LIMIT 1;
    IF v_bed IS NULL THEN RETURN QUERY SELECT 'NO_AVAILABILITY', NULL::text, NULL::uuid, NULL::uuid; RETURN; END IF;
    -- A check-in code: 10 characters of an alphabet without look-alikes (0/O, 1/I).
    SELECT string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(r.bytes, i) % 32 + 1, 1), '' ORDER BY i) INTO v_code
      FROM (SELECT gen_random_bytes(10) AS bytes) r, generate_series(0, 9) i;
    INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code, replaces_id)
    VALUES (p_hub, p_booking, p_station, v_bed, p_person, p_user, p_check_in, p_check_out, p_status, v_code, p_replaces)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN RETURN QUERY SELECT NULL::text, NULL::text, p_booking, v_bed; RETURN; END IF;
    v_attempt := v_attempt + 1;
    -- The person's own overlap is ruled out under their lock above; should it ever collide, say so rather than loop.
    IF v_attempt % 16 = 0 AND EXISTS (
      SELECT 1 FROM stay_bookings WHERE hub_id = p_hub AND person_id = p_person AND status IN ('offered','confirmed','checked_in')
        AND daterange(check_in, check_out) && daterange(p_check_in, p_check_out)) THEN
      RETURN QUERY SELECT 'ALREADY_BOOKED', NULL::text, NULL::uuid, NULL::uuid; RETURN;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- A graduate's booking, whole: dg_stay_take (person locked, limits, a bed), the audit event
-- 'stay.booked' (dg_audit_append, the same bytes as recordAudit), the booking returned.
CREATE OR REPLACE FUNCTION dg_stay_book(
  p_hub uuid, p_station uuid, p_person uuid, p_user uuid, p_check_in date, p_check_out date,
  p_booking uuid, p_event uuid, p_at timestamptz, p_actor uuid
) RETURNS SETOF stay_bookings LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  SELECT * INTO v FROM dg_stay_take(p_hub, p_station, p_person, p_user, p_check_in, p_check_out, true, p_booking, 'confirmed', NULL, NULL);
  IF v.refusal IS NOT NULL THEN RAISE EXCEPTION '%', v.refusal USING ERRCODE = 'DG001', DETAIL = coalesce(v.detail, ''); END IF;
  -- The payload as hash-chain.ts canonicalJson writes it: keys sorted, no spaces.
  PERFORM dg_audit_append(p_hub, p_event, p_at, p_actor, 'stay.booked', 'stay_booking', p_booking::text,
    '{"bed":' || to_json(v.bed_id::text)::text || ',"checkIn":' || to_json(p_check_in::text)::text || ',"checkOut":' || to_json(p_check_out::text)::text
    || ',"person":' || to_json(p_person::text)::text || ',"station":' || to_json(p_station::text)::text || '}');
  RETURN QUERY SELECT * FROM stay_bookings WHERE hub_id = p_hub AND id = p_booking;
END $$;
--> statement-breakpoint
-- Space taken by a hold or lease: a claim row for every node taken whole and one for every
-- node above it, the exclusion constraint space_claims_excl the arbiter (ON CONFLICT DO
-- NOTHING waits for a transaction holding a clashing row and, if it committed, skips the
-- row). Rows go in node order, so two takers never wait on each other in opposite orders.
-- A claim above a node takes a one-point range of its own: a random 62-bit point (a
-- sequence would not exist on a Citus worker), so two of them on one node meet with a
-- chance of about 2^-62, and then the second taker is refused, never given space twice.
-- True when every row went in; else the caller's transaction must roll back.
CREATE OR REPLACE FUNCTION dg_space_take(
  p_hub uuid, p_holder_kind text, p_holder uuid, p_organization uuid, p_nodes uuid[], p_starts date, p_ends date
) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_node uuid;
  v_whole boolean;
  v_point bigint;
BEGIN
  FOR v_node, v_whole IN
    SELECT DISTINCT x.node_id, x.whole FROM space_nodes n
    CROSS JOIN LATERAL (SELECT n.id AS node_id, true AS whole UNION ALL SELECT a, false FROM unnest(n.ancestors) AS a) x
    WHERE n.hub_id = p_hub AND n.id = ANY(p_nodes)
    ORDER BY 1, 2
  LOOP
    v_point := ('x' || encode(gen_random_bytes(8), 'hex'))::bit(64)::bigint >> 2;
    INSERT INTO space_claims (hub_id, id, holder_kind, holder_id, organization_id, node_id, whole, claim, starts_on, ends_on)
    VALUES (p_hub, gen_random_uuid(), p_holder_kind, p_holder, p_organization, v_node, v_whole,
            CASE WHEN v_whole THEN int8range(NULL, NULL) ELSE int8range(v_point, v_point + 1) END, p_starts, p_ends)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN false; END IF;
  END LOOP;
  RETURN true;
END $$;
--> statement-breakpoint
-- What a taker clashed with: the first of its nodes (by its place in p_nodes, from 1) taken
-- by another holder on overlapping days, with that node's code and the other claim's days.
CREATE OR REPLACE FUNCTION dg_space_clash(p_hub uuid, p_holder uuid, p_nodes uuid[], p_starts date, p_ends date)
RETURNS TABLE (code text, starts_on date, ends_on date, idx int) LANGUAGE plpgsql STABLE AS $$
BEGIN
  -- plpgsql, not sql: Citus plans no parameterised SQL-language function over distributed tables.
  RETURN QUERY
  SELECT o.code, c.starts_on, c.ends_on, array_position(p_nodes, m.id)
  FROM space_nodes m
  JOIN space_claims c ON c.hub_id = p_hub AND c.active AND c.whole AND c.holder_id <> p_holder
    AND daterange(c.starts_on, c.ends_on) && daterange(p_starts, p_ends)
  JOIN space_nodes o ON o.hub_id = p_hub AND o.id = c.node_id
  WHERE m.hub_id = p_hub AND m.id = ANY(p_nodes) AND (c.node_id = m.id OR c.node_id = ANY(m.ancestors) OR m.id = ANY(o.ancestors))
  ORDER BY 4, c.starts_on
  LIMIT 1;
END $$;
--> statement-breakpoint
-- A lease's write, whole: the space taken (dg_space_take; SPACE_NOT_AVAILABLE with
-- 'index code starts/ends' of the first clash as DETAIL), the lease row and its rent steps
-- (as the app planned them: jsonb objects with the tables' column names; the hub is
-- p_hub's and the lease's created_at p_at), the audit event
-- 'space.leased' with the app's canonical payload, the lease returned.
CREATE OR REPLACE FUNCTION dg_space_lease(
  p_hub uuid, p_lease jsonb, p_steps jsonb, p_event uuid, p_at timestamptz, p_actor uuid, p_payload_canonical text
) RETURNS SETOF space_leases LANGUAGE plpgsql AS $$
DECLARE
  v_lease space_leases := jsonb_populate_record(NULL::space_leases, p_lease);
  v_step space_lease_steps;
  v_clash record;
BEGIN
  IF NOT dg_space_take(p_hub, 'lease', v_lease.id, v_lease.organization_id, v_lease.node_ids, v_lease.starts_on, v_lease.ends_on) THEN
    SELECT * INTO v_clash FROM dg_space_clash(p_hub, v_lease.id, v_lease.node_ids, v_lease.starts_on, v_lease.ends_on);
    RAISE EXCEPTION 'SPACE_NOT_AVAILABLE' USING ERRCODE = 'DG001',
      DETAIL = CASE WHEN v_clash.code IS NULL THEN '' ELSE format('%s %s %s/%s', v_clash.idx - 1, v_clash.code, v_clash.starts_on, v_clash.ends_on) END;
  END IF;
  INSERT INTO space_leases (hub_id, id, ref, organization_id, park_id, node_ids, starts_on, ends_on, status, notice_days, staff, area_m2,
                            program_id, subsidy_total, extension, from_hold_id, replaces_id, renews_id, created_by, created_at)
  VALUES (p_hub, v_lease.id, v_lease.ref, v_lease.organization_id, v_lease.park_id, v_lease.node_ids, v_lease.starts_on, v_lease.ends_on,
          v_lease.status, v_lease.notice_days, v_lease.staff, v_lease.area_m2, v_lease.program_id, v_lease.subsidy_total, v_lease.extension,
          v_lease.from_hold_id, v_lease.replaces_id, v_lease.renews_id, v_lease.created_by, p_at);
  FOR v_step IN SELECT * FROM jsonb_populate_recordset(NULL::space_lease_steps, p_steps) LOOP
    INSERT INTO space_lease_steps (hub_id, lease_id, seq, starts_on, ends_on, monthly_rent, monthly_subsidy)
    VALUES (p_hub, v_lease.id, v_step.seq, v_step.starts_on, v_step.ends_on, v_step.monthly_rent, v_step.monthly_subsidy);
  END LOOP;
  PERFORM dg_audit_append(p_hub, p_event, p_at, p_actor, 'space.leased', 'space_lease', v_lease.id::text, p_payload_canonical);
  RETURN QUERY SELECT * FROM space_leases WHERE hub_id = p_hub AND id = v_lease.id;
END $$;
