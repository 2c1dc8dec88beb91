-- People erased (user.deleted). Erasure and the intake are separate consumers, so a message that
-- happened before an erasure may be handled after it; what it writes about an erased person is
-- blanked at once (PersonErasure::forgetErasedIn).
CREATE TABLE notifications.erasures (
    user_id      uuid        PRIMARY KEY,
    email_digest text        NOT NULL DEFAULT '',
    erased_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX erasures_by_time ON notifications.erasures (erased_at);
CREATE INDEX erasures_by_digest ON notifications.erasures (email_digest) WHERE email_digest <> '';
CREATE INDEX emails_by_source_message ON notifications.emails (source_message_id);
CREATE INDEX notifications_by_source_message ON notifications.notifications (source_message_id);
