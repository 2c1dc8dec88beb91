-- Sync correctness: a change's sequence number is taken when it is written but becomes visible
-- when its transaction commits, so a kiosk could see change 12 before change 11 commits and step
-- past 11 for good. Each change also records its transaction id; a sync cursor remembers the
-- oldest transaction still running at its read, and the next read fetches again whatever those
-- transactions wrote below the cursor (see CheckInDesk::changesSince).
ALTER TABLE tickets.tickets ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE tickets.revoked_codes ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE tickets.scans ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
