-- The texts admins wrote in place of a built-in template's, one row per template and language
-- (issue 17). Null texts: the built-in ones again, after a reset; the row stays so that its
-- version keeps counting and a form read before the reset is still stale.
CREATE TABLE notifications.template_texts (
    name       text        NOT NULL,
    language   text        NOT NULL CHECK (language IN ('en', 'ru')),
    subject    text,
    body       text,
    short_text text,
    version    bigint      NOT NULL,
    updated_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, language),
    CHECK ((subject IS NULL) = (body IS NULL) AND (body IS NULL) = (short_text IS NULL))
);
