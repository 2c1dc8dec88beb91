-- Issued tickets, the events' signing keys and the codes taken out of service.

-- Ed25519 keys per event (architecture.md §6). Several may be valid at once (rotation); a code
-- names its key by key_id. The secret half stays in this schema: only the tickets service signs.
CREATE TABLE tickets.event_keys (
    event_id   uuid        NOT NULL,
    key_id     smallint    NOT NULL CHECK (key_id BETWEEN 0 AND 255),
    public_key bytea       NOT NULL CHECK (length(public_key) = 32),
    secret_key bytea       NOT NULL CHECK (length(secret_key) = 64),
    created_at timestamptz NOT NULL DEFAULT now(),
    retired_at timestamptz,
    PRIMARY KEY (event_id, key_id)
);

-- Codes carry only the first 4 bytes of the ticket type id; within one event they must differ.
CREATE UNIQUE INDEX ticket_types_code_prefix ON tickets.ticket_types (event_id, left(id::text, 8));

-- Every change to a ticket or the revocation list takes the next number, so a device can ask for
-- "what changed since N".
CREATE SEQUENCE tickets.change_sequence;

CREATE TABLE tickets.tickets (
    id             uuid        PRIMARY KEY,
    order_id       uuid        NOT NULL REFERENCES tickets.orders (id),
    event_id       uuid        NOT NULL,
    ticket_type_id uuid        NOT NULL REFERENCES tickets.ticket_types (id),
    buyer_id       uuid        NOT NULL,
    holder_name    text        NOT NULL,
    holder_email   text        NOT NULL,
    status         text        NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'cancelled')),
    blocked        boolean     NOT NULL DEFAULT false,
    code           text        NOT NULL UNIQUE,
    key_id         smallint    NOT NULL,
    issued_at      timestamptz NOT NULL,
    valid_from     timestamptz NOT NULL,
    valid_until    timestamptz NOT NULL,
    change_seq     bigint      NOT NULL DEFAULT nextval('tickets.change_sequence'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_by_order ON tickets.tickets (order_id);
CREATE INDEX tickets_by_buyer ON tickets.tickets (buyer_id, issued_at, id);
CREATE INDEX tickets_by_event_changes ON tickets.tickets (event_id, change_seq);

-- Codes that must never admit anyone again: replaced by a new code or cancelled. Permanent.
CREATE TABLE tickets.revoked_codes (
    code       text        PRIMARY KEY,
    ticket_id  uuid        NOT NULL,
    event_id   uuid        NOT NULL,
    reason     text        NOT NULL CHECK (reason IN ('replaced', 'cancelled')),
    revoked_at timestamptz NOT NULL DEFAULT now(),
    change_seq bigint      NOT NULL DEFAULT nextval('tickets.change_sequence')
);
CREATE INDEX revoked_codes_by_event_changes ON tickets.revoked_codes (event_id, change_seq);
