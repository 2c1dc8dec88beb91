-- A scan_id is its scanner's nonce: two kiosks counting 1, 2, 3 must not collide, and one event's
-- scanners must not use up another's ids. Unique per scanner (device, or the person without one).
ALTER TABLE tickets.scans ADD CONSTRAINT scans_have_a_scanner CHECK (device_id IS NOT NULL OR user_id IS NOT NULL);
ALTER TABLE tickets.scans DROP CONSTRAINT scans_scan_id_key;
CREATE UNIQUE INDEX scans_scan_id_per_scanner ON tickets.scans ((COALESCE(device_id, user_id)), scan_id);
CREATE INDEX scans_by_scan_id ON tickets.scans (scan_id);

-- The sync's catch-up looks changes up by the transaction that wrote them.
CREATE INDEX tickets_by_event_xid ON tickets.tickets (event_id, change_xid);
CREATE INDEX revoked_codes_by_event_xid ON tickets.revoked_codes (event_id, change_xid);
CREATE INDEX scans_by_event_xid ON tickets.scans (event_id, change_xid);
