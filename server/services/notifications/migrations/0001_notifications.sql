-- Notifications: the in-app inbox, preferences, emails waiting for SMTP, webhook endpoints and
-- their deliveries. Everything is written by the bus consumer in the transaction that records the
-- message in the inbox, and sent later by jobs: a message handled twice notifies once.
CREATE SCHEMA IF NOT EXISTS notifications;

-- Processed bus message ids (bus/inbox.h).
CREATE TABLE notifications.inbox (
    message_id   uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notifications.notifications (
    id                uuid        PRIMARY KEY,
    user_id           uuid        NOT NULL,
    type              text        NOT NULL,
    title             text        NOT NULL,
    body              text        NOT NULL,
    data              jsonb       NOT NULL DEFAULT '{}',
    source_message_id uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    read_at           timestamptz
);
CREATE INDEX notifications_by_user ON notifications.notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications.notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;

-- Only what a person changed; the rest are the defaults (preferences.h).
CREATE TABLE notifications.preferences (
    user_id    uuid        PRIMARY KEY,
    settings   jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who holds the tickets of an event, as ticket.purchased told it: event-wide notices
-- (cancellation, reminders) reach them without asking the tickets service.
CREATE TABLE notifications.ticket_holders (
    ticket_id    uuid    PRIMARY KEY,
    event_id     uuid    NOT NULL,
    order_id     uuid    NOT NULL,
    buyer_id     uuid    NOT NULL,
    holder_name  text    NOT NULL,
    holder_email text    NOT NULL,
    cancelled    boolean NOT NULL DEFAULT false
);
CREATE INDEX ticket_holders_by_event ON notifications.ticket_holders (event_id);
CREATE INDEX ticket_holders_by_order ON notifications.ticket_holders (order_id);

CREATE TABLE notifications.emails (
    id                uuid        PRIMARY KEY,
    to_address        text        NOT NULL,
    type              text        NOT NULL,
    locale            text        NOT NULL,
    subject           text        NOT NULL,
    body              text        NOT NULL,
    ticket_id         uuid,       -- its QR goes along as an attachment, as the ticket is when sent
    status            text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text,
    source_message_id uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz
);
CREATE INDEX emails_due ON notifications.emails (next_attempt_at) WHERE status = 'pending';

CREATE TABLE notifications.webhook_endpoints (
    id              uuid        PRIMARY KEY,
    owner_id        uuid        NOT NULL,
    url             text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    event_types     text[]      NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    disabled_reason text,
    -- [{"secret": "whsec_…", "expires_at": null | RFC 3339}]: several during a rotation.
    secrets         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_by_owner ON notifications.webhook_endpoints (owner_id, created_at DESC, id DESC);

CREATE TABLE notifications.webhook_deliveries (
    id               uuid        PRIMARY KEY,
    endpoint_id      uuid        NOT NULL REFERENCES notifications.webhook_endpoints (id) ON DELETE CASCADE,
    message_id       uuid        NOT NULL,
    event_type       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_status_code integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_deliveries_due ON notifications.webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON notifications.webhook_deliveries (endpoint_id, created_at DESC, id DESC);

CREATE TABLE notifications.webhook_attempts (
    id            bigserial   PRIMARY KEY,
    delivery_id   uuid        NOT NULL REFERENCES notifications.webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL DEFAULT now(),
    status_code   integer,    -- null: no HTTP answer (see error)
    error         text,
    duration_ms   integer     NOT NULL,
    response_body text        NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_by_delivery ON notifications.webhook_attempts (delivery_id, id);
