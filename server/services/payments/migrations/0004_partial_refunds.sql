-- Part of a payment can go back (a dispute lost in part, issue 17): what went back so far, and
-- each partial refund once per key (a retried decision refunds nothing twice). The payment becomes
-- `refunded` when all of it went back.
ALTER TABLE payments.payments ADD COLUMN refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0);
ALTER TABLE payments.payments ADD COLUMN refunded_commission bigint NOT NULL DEFAULT 0 CHECK (refunded_commission >= 0);
ALTER TABLE payments.payments ADD CONSTRAINT payments_refund_within CHECK (refunded_amount <= amount);
-- Payments refunded in full before partial refunds existed.
UPDATE payments.payments SET refunded_amount = amount, refunded_commission = coalesce(commission, 0)
    WHERE status = 'refunded';

CREATE TABLE payments.refunds (
    refund_key text        PRIMARY KEY,
    payment_id uuid        NOT NULL REFERENCES payments.payments (id),
    amount     bigint      NOT NULL CHECK (amount > 0),
    commission bigint      NOT NULL,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_by_payment ON payments.refunds (payment_id);
