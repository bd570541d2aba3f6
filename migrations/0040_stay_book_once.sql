-- A booking in one call with its Idempotency-Key (docs/scaling.md): the key's row, the
-- booking (dg_stay_book: lock, limits, bed, audit event) and what the route answers with,
-- in one statement, so a booking is two round trips (the station and guest read, then
-- this) and no transaction of the app's own. On Citus `db distribute` makes it a
-- distributed function on p_hub like the others; called as its own transaction, Citus
-- runs it on the hub's worker.
-- With p_key: the key's row is inserted (a concurrent twin waits on its primary key); if
-- one was there already, the first call's result comes back (p_replayed) and nothing is
-- written, or, for another request under the same key, 'IDEMPOTENCY_KEY_REUSED'. Without
-- a key, nothing of the key. Refusals raise SQLSTATE 'DG001' (the message the app's error
-- code), so nothing is written.
-- The result, also stored as the key's response: the booking's row (its column names) and
-- its bed, room and station as stays.presenters.ts reads them; the route presents both the
-- first answer and a replay from it.
CREATE OR REPLACE FUNCTION dg_stay_book_once(
  p_hub uuid, p_user uuid, p_key text, p_operation text, p_request_hash text,
  p_station uuid, p_person uuid, p_check_in date, p_check_out date, p_booking uuid, p_event uuid, p_at timestamptz
) RETURNS TABLE (replayed boolean, result jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_first record;
  v_result jsonb;
BEGIN
  IF p_key IS NOT NULL THEN
    INSERT INTO idempotency_keys (hub_id, user_id, key, operation, request_hash)
    VALUES (p_hub, p_user, p_key, p_operation, p_request_hash)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT k.operation, k.request_hash, k.status_code, k.response INTO v_first
      FROM idempotency_keys k WHERE k.hub_id = p_hub AND k.user_id = p_user AND k.key = p_key;
      IF v_first.request_hash IS DISTINCT FROM p_request_hash OR v_first.operation IS DISTINCT FROM p_operation THEN
        RAISE EXCEPTION 'IDEMPOTENCY_KEY_REUSED' USING ERRCODE = 'DG001';
      END IF;
      IF v_first.status_code IS NULL THEN RAISE EXCEPTION 'IDEMPOTENCY_KEY_IN_FLIGHT' USING ERRCODE = 'DG001'; END IF;
      RETURN QUERY SELECT true, v_first.response;
      RETURN;
    END IF;
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
  IF p_key IS NOT NULL THEN
    UPDATE idempotency_keys SET status_code = 201, response = v_result WHERE hub_id = p_hub AND user_id = p_user AND key = p_key;
  END IF;
  RETURN QUERY SELECT false, v_result;
END $$;
