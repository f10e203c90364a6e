-- Memberships: who is what in a plan (issue #17). Stored as the other collections are, plus the
-- columns the permission rules read: the person (a user key or an email, lower-cased), role, agencies.
CREATE TABLE members (LIKE plans INCLUDING ALL, member_user text NOT NULL, role text NOT NULL, agencies text[] NOT NULL DEFAULT '{}');
CREATE INDEX members_pull ON members (plan_id, updated_at, id);
CREATE INDEX members_plan_ids ON members (plan_id, id);
CREATE INDEX members_changes ON members (updated_at, id);
-- Every rule asks "is this person a member of this plan, and as what?".
CREATE INDEX members_person ON members (member_user, plan_id) WHERE NOT deleted;
-- History about one record (the rules hide history of records a person may not see).
CREATE INDEX history_record ON history ((body->>'recordId'));
