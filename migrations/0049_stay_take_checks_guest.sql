-- dg_stay_take (0043) checks, under the person's lock, that the guest's record still belongs
-- to the account booking: staff approving an identity claim may link the account to the
-- record they hold and move its stays there (talent/identity-claims.service.ts). A booking
-- judged on the old record is refused 'GUEST_CHANGED' (the app's CONFLICT: reload and try
-- again), so its nights count against the record the account now holds. Otherwise as 0043.

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
  v_tried uuid[] := '{}';
  v_random bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('stay:' || p_hub::text || ':' || p_person::text, 0));
  -- The guest is still the account's record, held (KEY SHARE) until the booking commits.
  -- Staff linking the account to another record (an identity claim) lock this row FOR
  -- UPDATE and move its stays there: a booking either commits first and is moved, or
  -- waits, finds the record no longer the account's, and is refused, never counting its
  -- nights against a record the account has left.
  PERFORM 1 FROM people WHERE hub_id = p_hub AND id = p_person AND user_id = p_user FOR KEY SHARE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'GUEST_CHANGED', NULL::text, NULL::uuid, NULL::uuid; RETURN; END IF;
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
    WHERE b.hub_id = p_hub AND b.station_id = p_station AND b.id <> ALL (v_tried)
      AND b.id NOT IN (  -- bed_id is NOT NULL, so NOT IN is NOT EXISTS, planned as one scan
        SELECT k.bed_id FROM stay_bookings k
        WHERE k.hub_id = p_hub AND k.station_id = p_station AND k.status IN ('offered','confirmed','checked_in')
          AND daterange(k.check_in, k.check_out) && daterange(p_check_in, p_check_out))
    ORDER BY random()
    LIMIT 1;
    EXIT WHEN v_bed IS NULL;
    -- A check-in code: 10 characters of an alphabet without look-alikes (0/O, 1/I).
    v_random := gen_random_bytes(10);
    v_code := '';
    FOR i IN 0..9 LOOP
      v_code := v_code || substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(v_random, i) % 32 + 1, 1);
    END LOOP;
    INSERT INTO stay_bookings (hub_id, id, station_id, bed_id, person_id, user_id, check_in, check_out, status, code, replaces_id)
    VALUES (p_hub, p_booking, p_station, v_bed, p_person, p_user, p_check_in, p_check_out, p_status, v_code, p_replaces)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN RETURN QUERY SELECT NULL::text, NULL::text, p_booking, v_bed; RETURN; END IF;
    v_tried := v_tried || v_bed;
  END LOOP;
  -- The person's own overlap is ruled out under their lock above; should a clash with it
  -- have refused every bed, say so rather than that the station is full.
  IF EXISTS (
    SELECT 1 FROM stay_bookings WHERE hub_id = p_hub AND person_id = p_person AND status IN ('offered','confirmed','checked_in')
      AND daterange(check_in, check_out) && daterange(p_check_in, p_check_out)) THEN
    RETURN QUERY SELECT 'ALREADY_BOOKED', NULL::text, NULL::uuid, NULL::uuid; RETURN;
  END IF;
  RETURN QUERY SELECT 'NO_AVAILABILITY', NULL::text, NULL::uuid, NULL::uuid;
END $$;
