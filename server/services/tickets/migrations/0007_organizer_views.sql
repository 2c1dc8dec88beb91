-- The organizer's views of an event's sales: GET /events/{id}/orders and /attendees.

-- Who bought, as their account read at the order (the accounts live in another service; an
-- order keeps the name and address it was placed under, as a receipt does).
ALTER TABLE tickets.orders ADD COLUMN buyer_name text NOT NULL DEFAULT '';
ALTER TABLE tickets.orders ADD COLUMN buyer_email text NOT NULL DEFAULT '';

-- Every status an order had, recorded by the database itself so that no code path that changes
-- a status can forget it. Orders placed before this migration start with their current status.
CREATE TABLE tickets.order_history (
    id       bigserial   PRIMARY KEY,
    order_id uuid        NOT NULL REFERENCES tickets.orders (id) ON DELETE CASCADE,
    status   text        NOT NULL,
    at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX order_history_by_order ON tickets.order_history (order_id, id);
INSERT INTO tickets.order_history (order_id, status, at) SELECT id, status, updated_at FROM tickets.orders;

CREATE FUNCTION tickets.record_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tickets.order_history (order_id, status) VALUES (NEW.id, NEW.status);
    RETURN NULL;
END
$$;
CREATE TRIGGER order_placed AFTER INSERT ON tickets.orders
    FOR EACH ROW EXECUTE FUNCTION tickets.record_order_status();
CREATE TRIGGER order_status_changed AFTER UPDATE OF status ON tickets.orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION tickets.record_order_status();

-- Keyset pages: an event's orders by time or total, its tickets by time or holder name.
DROP INDEX tickets.orders_by_event;
CREATE INDEX orders_by_event ON tickets.orders (event_id, created_at, id);
CREATE INDEX orders_by_event_total ON tickets.orders (event_id, total, id);
CREATE INDEX tickets_by_event_created ON tickets.tickets (event_id, created_at, id);
CREATE INDEX tickets_by_event_holder ON tickets.tickets (event_id, lower(holder_name), id);
-- "Checked in": a ticket's first entry still standing.
CREATE INDEX scans_entries_by_ticket ON tickets.scans (ticket_id, received_at)
    WHERE result = 'ok' AND annulled_at IS NULL AND kind = 'entry';
