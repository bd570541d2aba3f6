-- A station's district is a code of its hub's list of districts (hub settings), as an
-- organisation's is, so pages name it in their own language. Stations written before keep
-- their text when no district of the hub has it as its code, Chinese or English name.
UPDATE stay_stations s
SET district = d.code
FROM hubs h, jsonb_to_recordset(h.districts) AS d(code text, name jsonb)
WHERE h.id = s.hub_id
  AND s.district <> d.code
  AND (lower(s.district) = d.code OR s.district = d.name->>'zh' OR lower(s.district) = lower(d.name->>'en'));
