-- The analytics service: per-minute totals of every event's sales, money and door, and what later
-- messages refer back to (a cancelled ticket's price, an annulled entry's minute, whether a
-- refunded payment had succeeded). Filled from the bus; rebuilt from the other services' records.

CREATE SCHEMA IF NOT EXISTS analytics;

-- One row per series and minute. scope: '' the whole event, 'type:<id>', 'list:<id>'; currency:
-- '' unless the metric is money.
CREATE TABLE analytics.minute_totals (
    event_id uuid        NOT NULL,
    metric   text        NOT NULL CHECK (metric IN ('tickets_sold', 'revenue', 'admissions', 'exits', 'orders',
                                                    'gross', 'commission', 'refunds')),
    scope    text        NOT NULL DEFAULT '',
    currency text        NOT NULL DEFAULT '',
    minute   timestamptz NOT NULL,
    value    bigint      NOT NULL,
    PRIMARY KEY (event_id, metric, scope, currency, minute)
);

CREATE TABLE analytics.sold_tickets (
    ticket_id      uuid    PRIMARY KEY,
    event_id       uuid    NOT NULL,
    ticket_type_id uuid    NOT NULL,
    unit_price     bigint  NOT NULL,
    currency       text    NOT NULL,
    cancelled      boolean NOT NULL DEFAULT false
);
CREATE INDEX sold_tickets_by_event ON analytics.sold_tickets (event_id);

CREATE TABLE analytics.door_scans (
    id       bigserial   PRIMARY KEY,
    event_id uuid        NOT NULL,
    list_id  uuid        NOT NULL,
    scan_id  text        NOT NULL,
    exit     boolean     NOT NULL,
    minute   timestamptz NOT NULL,
    annulled boolean     NOT NULL DEFAULT false
);
CREATE INDEX door_scans_by_scan ON analytics.door_scans (list_id, scan_id);
CREATE INDEX door_scans_by_event ON analytics.door_scans (event_id);

CREATE TABLE analytics.payments (
    payment_id uuid    PRIMARY KEY,
    event_id   uuid    NOT NULL,
    currency   text    NOT NULL,
    amount     bigint  NOT NULL,
    refunded   boolean NOT NULL DEFAULT false
);
CREATE INDEX payments_by_event ON analytics.payments (event_id);
