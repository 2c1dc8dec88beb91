-- Part or all of a paid order given back (a dispute's decision, issue 17), once per key: the
-- amount, which tickets it cancelled, and the payment refunded after the commit (retried until it
-- is; payments is idempotent per key too).
CREATE TABLE tickets.order_refunds (
    refund_key        text        PRIMARY KEY,
    order_id          uuid        NOT NULL REFERENCES tickets.orders (id),
    amount            bigint      NOT NULL CHECK (amount > 0),
    cancelled_tickets integer     NOT NULL,
    reason            text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_refunds_by_order ON tickets.order_refunds (order_id);
