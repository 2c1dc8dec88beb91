-- Orders: seats are taken from the quota shards when the order is placed and held until it is
-- paid, cancelled or expires.
CREATE TABLE tickets.orders (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        uuid        NOT NULL,
    buyer_id        uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'refunded', 'expired')),
    total           bigint      NOT NULL CHECK (total >= 0),
    currency        text        NOT NULL,
    payment_id      uuid        NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    hold_expires_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_by_buyer ON tickets.orders (buyer_id, created_at, id);
CREATE INDEX orders_by_event ON tickets.orders (event_id);
CREATE INDEX orders_pending_expiry ON tickets.orders (hold_expires_at) WHERE status = 'pending';

CREATE TABLE tickets.order_items (
    order_id       uuid    NOT NULL REFERENCES tickets.orders (id) ON DELETE CASCADE,
    ticket_type_id uuid    NOT NULL REFERENCES tickets.ticket_types (id),
    quantity       integer NOT NULL CHECK (quantity > 0),
    unit_price     bigint  NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, ticket_type_id)
);

-- Which shard gave how many seats, so that releasing an order returns exactly those.
CREATE TABLE tickets.seat_holds (
    order_id       uuid    NOT NULL REFERENCES tickets.orders (id) ON DELETE CASCADE,
    ticket_type_id uuid    NOT NULL,
    shard          integer NOT NULL,
    seats          integer NOT NULL CHECK (seats > 0),
    PRIMARY KEY (order_id, ticket_type_id, shard)
);

CREATE TABLE tickets.order_attendees (
    order_id       uuid    NOT NULL REFERENCES tickets.orders (id) ON DELETE CASCADE,
    ticket_type_id uuid    NOT NULL,
    position       integer NOT NULL,
    name           text    NOT NULL,
    email          text    NOT NULL,
    PRIMARY KEY (order_id, ticket_type_id, position)
);

-- Idempotency-Key: the first answer to a key is kept for 24 h and replayed; the same key with
-- another body is refused; a key whose first request is still running answers 409.
CREATE TABLE tickets.idempotency_keys (
    owner_id        uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('running', 'done')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, key)
);
