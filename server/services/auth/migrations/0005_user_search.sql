-- Admins search users as they type (issue 17): a substring of the email or the name, on 100,000
-- accounts and more. Trigram indexes answer ILIKE '%text%' without reading every row; pg_trgm is
-- a trusted extension (PostgreSQL 13+), so the service's own role may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX users_email_trigrams ON auth.users USING gin (email gin_trgm_ops);
CREATE INDEX users_name_trigrams ON auth.users USING gin (name gin_trgm_ops);
-- A role's members (role=support: a few among 100,000).
CREATE INDEX users_roles ON auth.users USING gin (roles);
-- The audit log by actor and by action, newest first (its filters and the user page).
CREATE INDEX audit_log_by_actor ON auth.audit_log (actor_id, id);
CREATE INDEX audit_log_by_action ON auth.audit_log (action, id);
