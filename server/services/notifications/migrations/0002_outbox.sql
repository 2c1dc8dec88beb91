-- What the notifications service tells others: a person's new in-app notification
-- (notification.created), which the live feed pushes to that person's screens.
CREATE TABLE notifications.outbox (
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
CREATE INDEX outbox_unpublished ON notifications.outbox (sequence) WHERE published_at IS NULL;
