-- When a ticket was cancelled: the analytics' rebuild counts it out at that minute, as the bus
-- message (ticket.cancelled, written in the same transaction) did.
ALTER TABLE tickets.tickets ADD COLUMN cancelled_at timestamptz;
UPDATE tickets.tickets SET cancelled_at = updated_at WHERE status = 'cancelled';
