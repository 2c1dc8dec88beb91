-- Accounts, sessions, second factors, the audit log and the outbox of the auth service.
CREATE SCHEMA IF NOT EXISTS auth;

-- A deleted account stays as a tombstone (id, status, dates) so that orders, tickets and audit
-- entries that name it keep pointing at something; every personal column is then NULL.
CREATE TABLE auth.users (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email               text,
    name                text,
    phone               text,
    country             text,
    locale              text,
    password_hash       text,
    roles               text[]      NOT NULL DEFAULT '{attendee}',
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked', 'deleted')),
    totp_secret         text,
    totp_pending_secret text,
    totp_enabled_at     timestamptz,
    totp_last_step      bigint,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz,
    blocked_at          timestamptz,
    deleted_at          timestamptz,
    CHECK (status = 'deleted' OR (email IS NOT NULL AND password_hash IS NOT NULL))
);
-- Email is unique without regard to case: Alice@X.org and alice@x.org are one account.
CREATE UNIQUE INDEX users_email_unique ON auth.users (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX users_listing ON auth.users (created_at, id);

-- A session is one sign-in on one device: the family of refresh tokens rotated from it.
CREATE TABLE auth.sessions (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES auth.users (id),
    user_agent    text,
    ip            text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoke_reason text
);
CREATE INDEX sessions_by_user ON auth.sessions (user_id, created_at);

-- Refresh tokens are stored only as SHA-256 hashes. A rotated token keeps its row (superseded)
-- so that its reuse is recognised as theft.
CREATE TABLE auth.refresh_tokens (
    token_hash    bytea       PRIMARY KEY,
    session_id    uuid        NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    superseded_at timestamptz
);
CREATE INDEX refresh_tokens_by_session ON auth.refresh_tokens (session_id);

CREATE TABLE auth.recovery_codes (
    user_id   uuid        NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    code_hash bytea       NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Who did what to whom: admin actions and security events. Details never hold personal data,
-- so the log may outlive the accounts it mentions.
CREATE TABLE auth.audit_log (
    id        bigserial   PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  uuid,
    action    text        NOT NULL,
    target_id uuid,
    details   jsonb       NOT NULL DEFAULT '{}',
    trace_id  text
);
CREATE INDEX audit_log_by_target ON auth.audit_log (target_id, id);

-- Transactional outbox (architecture.md §4, Debezium's outbox shape).
CREATE TABLE auth.outbox (
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
CREATE INDEX outbox_unpublished ON auth.outbox (sequence) WHERE published_at IS NULL;
