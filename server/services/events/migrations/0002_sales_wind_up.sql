-- A cancelled event's sales are wound up by the tickets service (orders refunded, tickets
-- cancelled); this marks when that finished, so a wind-up interrupted by a crash is resumed.
ALTER TABLE events.events ADD COLUMN sales_wound_up_at timestamptz;
CREATE INDEX events_awaiting_wind_up ON events.events (updated_at) WHERE status = 'cancelled' AND sales_wound_up_at IS NULL;
