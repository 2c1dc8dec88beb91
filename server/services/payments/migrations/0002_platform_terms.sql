-- What payments charges by (issue 17): the admin service's platform settings as last heard on the
-- bus (platform.settings_changed). Until an admin changes them there is no row, and the
-- configured payments.commission_basis_points applies.
CREATE TABLE payments.platform_terms (
    id                       smallint    PRIMARY KEY CHECK (id = 1),
    version                  bigint      NOT NULL,
    commission_basis_points  integer     NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
    publication_fee          bigint      NOT NULL CHECK (publication_fee >= 0),
    publication_fee_currency text        NOT NULL CHECK (publication_fee_currency ~ '^[A-Z]{3}$'),
    heard_at                 timestamptz NOT NULL DEFAULT now()
);

-- The publication fee (seed 004) is a movement without a payment: the organizer's account pays
-- 'platform_fees' when an event is published, once per event.
ALTER TABLE payments.ledger_entries ALTER COLUMN payment_id DROP NOT NULL;
ALTER TABLE payments.ledger_entries ADD COLUMN event_id uuid;
ALTER TABLE payments.ledger_entries DROP CONSTRAINT ledger_entries_movement_check;
ALTER TABLE payments.ledger_entries ADD CONSTRAINT ledger_entries_movement_check
    CHECK (movement IN ('charge', 'refund', 'publication_fee'));
ALTER TABLE payments.ledger_entries ADD CONSTRAINT ledger_entries_source CHECK (
    CASE WHEN movement = 'publication_fee' THEN payment_id IS NULL AND event_id IS NOT NULL
         ELSE payment_id IS NOT NULL END);
CREATE UNIQUE INDEX ledger_publication_fee_once ON payments.ledger_entries (event_id, account)
    WHERE movement = 'publication_fee';
CREATE INDEX ledger_fees_by_account ON payments.ledger_entries (account) WHERE movement = 'publication_fee';
