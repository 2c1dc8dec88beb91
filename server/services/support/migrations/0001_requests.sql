-- Support requests (seed 004, issue 17): a person asks, support agents answer in a thread (with
-- internal notes the person never sees), and the request moves open → pending_customer → open →
-- resolved → closed; a resolved request reopens when its person writes within 14 days, then
-- closes. Deadlines come from the platform's targets as support last heard them
-- (platform.settings_changed). `next_due_at` is the deadline that matters now — the first answer
-- until one was given, then the resolution; none once resolved — so the queue reads overdue first
-- from one index (its first page reads 51 index entries, not the table).
CREATE SCHEMA IF NOT EXISTS support;

CREATE TABLE support.requests (
    id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    number                bigserial   NOT NULL UNIQUE,
    requester_id          uuid        NOT NULL,
    subject               text        NOT NULL,
    category              text        NOT NULL CHECK (category IN ('order', 'payment', 'event', 'account', 'other')),
    order_id              uuid,
    event_id              uuid,
    status                text        NOT NULL DEFAULT 'open'
                                      CHECK (status IN ('open', 'pending_customer', 'resolved', 'closed')),
    assignee_id           uuid,
    escalated_at          timestamptz,
    escalated_by          uuid,
    escalation_reason     text,
    first_response_due_at timestamptz NOT NULL,
    resolution_due_at     timestamptz NOT NULL,
    first_responded_at    timestamptz,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    next_due_at           timestamptz,
    last_message_at       timestamptz NOT NULL DEFAULT now(),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX requests_by_requester ON support.requests (requester_id, number DESC);
-- ASC puts NULLs (settled requests) last: the queue's order, read from the index.
CREATE INDEX requests_queue ON support.requests (next_due_at, number);
CREATE INDEX requests_by_assignee ON support.requests (assignee_id, next_due_at, number);
CREATE INDEX requests_escalated ON support.requests (escalated_at DESC) WHERE escalated_at IS NOT NULL;
CREATE INDEX requests_resolved ON support.requests (resolved_at) WHERE status = 'resolved';

CREATE TABLE support.messages (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid        NOT NULL REFERENCES support.requests (id),
    author_id  uuid        NOT NULL,
    from_staff boolean     NOT NULL,
    internal   boolean     NOT NULL DEFAULT false CHECK (NOT internal OR from_staff),
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX messages_by_request ON support.messages (request_id, created_at, id);

-- The response targets in force, as heard from the admin service; none heard: the defaults.
CREATE TABLE support.targets (
    id                     smallint    PRIMARY KEY CHECK (id = 1),
    version                bigint      NOT NULL,
    first_response_minutes integer     NOT NULL CHECK (first_response_minutes > 0),
    resolution_minutes     integer     NOT NULL CHECK (resolution_minutes > 0),
    heard_at               timestamptz NOT NULL DEFAULT now()
);
