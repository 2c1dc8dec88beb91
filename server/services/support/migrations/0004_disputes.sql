-- Disputes about an order (issue 17), on Stripe's lifecycle: the buyer opens one → needs_response
-- until `respond_by` → the organizer's evidence (or the deadline passing) → under_review →
-- support decides: won (the organizer keeps the money) or lost (all or part of it goes back to the
-- buyer, the tickets it paid for cancelled). One open dispute per order.
CREATE TABLE support.disputes (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id      uuid        NOT NULL,
    event_id      uuid        NOT NULL,
    organizer_id  uuid        NOT NULL,
    buyer_id      uuid        NOT NULL,
    amount        bigint      NOT NULL CHECK (amount > 0),
    currency      text        NOT NULL,
    reason        text        NOT NULL CHECK (reason IN ('not_received', 'not_as_described', 'duplicate', 'fraudulent',
                                                         'refund_not_processed', 'other')),
    details       text        NOT NULL,
    status        text        NOT NULL DEFAULT 'needs_response'
                              CHECK (status IN ('needs_response', 'under_review', 'won', 'lost')),
    respond_by    timestamptz NOT NULL,
    evidence      text,
    responded_at  timestamptz,
    review_note   text,
    refund_amount bigint      CHECK (refund_amount > 0),
    refunded      boolean     NOT NULL DEFAULT false,
    decision_note text,
    decided_by    uuid,
    decided_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX disputes_one_open_per_order ON support.disputes (order_id)
    WHERE status IN ('needs_response', 'under_review');
-- The desk reads them by deadline; the job finds the ones whose deadline passed.
CREATE INDEX disputes_by_deadline ON support.disputes (respond_by, id);
CREATE INDEX disputes_by_organizer ON support.disputes (organizer_id, respond_by, id);
CREATE INDEX disputes_by_buyer ON support.disputes (buyer_id, respond_by, id);
-- A lost dispute whose refund has not gone through yet (the job retries it).
CREATE INDEX disputes_refund_pending ON support.disputes (decided_at) WHERE status = 'lost' AND NOT refunded;
