-- Payments (simulated card provider), their attempts and the ledger.
CREATE SCHEMA IF NOT EXISTS payments;

-- One payment per order; its id is the order's payment_id. requires_payment → captured (the card
-- was charged, the order not yet settled) → succeeded, or refunded when the order could not take
-- the money (it expired first) or was refunded later.
CREATE TABLE payments.payments (
    id           uuid        PRIMARY KEY,
    order_id     uuid        NOT NULL UNIQUE,
    event_id     uuid        NOT NULL,
    organizer_id uuid        NOT NULL,
    buyer_id     uuid        NOT NULL,
    amount       bigint      NOT NULL CHECK (amount > 0),
    currency     text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('requires_payment', 'captured', 'succeeded', 'refunded')),
    commission   bigint      CHECK (commission >= 0),
    card_last4   text,
    captured_at  timestamptz,
    succeeded_at timestamptz,
    refunded_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
-- The reconciliation job looks for captures that were never settled.
CREATE INDEX payments_captured ON payments.payments (captured_at) WHERE status = 'captured';
CREATE INDEX payments_by_event ON payments.payments (event_id);

CREATE TABLE payments.attempts (
    id           bigserial   PRIMARY KEY,
    payment_id   uuid        NOT NULL REFERENCES payments.payments (id),
    card_last4   text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('approved', 'declined')),
    decline_code text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempts_by_payment ON payments.attempts (payment_id, id);

-- Double entry: every movement writes entries that sum to zero. Accounts: 'card_network' (money
-- in from and back to cards), 'platform_commission', 'organizer:<uuid>' (what the platform owes
-- the organizer). An account's balance is the sum of its entries.
CREATE TABLE payments.ledger_entries (
    id         bigserial   PRIMARY KEY,
    payment_id uuid        NOT NULL REFERENCES payments.payments (id),
    movement   text        NOT NULL CHECK (movement IN ('charge', 'refund')),
    account    text        NOT NULL,
    amount     bigint      NOT NULL,
    currency   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_by_account ON payments.ledger_entries (account, currency);
CREATE INDEX ledger_by_payment ON payments.ledger_entries (payment_id);

CREATE TABLE payments.outbox (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    sequence      bigserial   NOT NULL UNIQUE,
    aggregatetype text        NOT NULL,
    aggregateid   text        NOT NULL,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL,
    trace_id      text,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON payments.outbox (sequence) WHERE published_at IS NULL;

CREATE TABLE payments.idempotency_keys (
    owner_id        uuid        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('running', 'done')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, key)
);
