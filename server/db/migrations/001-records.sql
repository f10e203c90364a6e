-- One table per collection: the record as the client sends it (jsonb, so unknown fields round-trip)
-- with the server's fields stamped in, plus the columns that queries and rules need.
-- Ids are compared byte-wise (COLLATE "C"), as the client sorts them.

-- The last updatedAt stamped per plan: a writer locks its plan's row, so stamps follow commit order.
CREATE TABLE plan_clock (
  plan_id text COLLATE "C" PRIMARY KEY,
  last timestamptz NOT NULL
);

CREATE TABLE plans (
  id text COLLATE "C" PRIMARY KEY,
  plan_id text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  body jsonb NOT NULL
);
CREATE TABLE priorities (LIKE plans INCLUDING ALL);
CREATE TABLE actions (LIKE plans INCLUDING ALL, lead_agency text, priority_id text COLLATE "C");
CREATE TABLE audits (LIKE plans INCLUDING ALL);
CREATE TABLE recommendations (LIKE plans INCLUDING ALL);
CREATE TABLE history (LIKE plans INCLUDING ALL);

-- Pulls: one plan's records since a checkpoint, in (updatedAt, id) order; full pulls by id.
CREATE INDEX plans_pull ON plans (plan_id, updated_at, id);
CREATE INDEX priorities_pull ON priorities (plan_id, updated_at, id);
CREATE INDEX actions_pull ON actions (plan_id, updated_at, id);
CREATE INDEX audits_pull ON audits (plan_id, updated_at, id);
CREATE INDEX recommendations_pull ON recommendations (plan_id, updated_at, id);
CREATE INDEX history_pull ON history (plan_id, updated_at, id);
CREATE INDEX plans_plan_ids ON plans (plan_id, id);
CREATE INDEX priorities_plan_ids ON priorities (plan_id, id);
CREATE INDEX actions_plan_ids ON actions (plan_id, id);
CREATE INDEX audits_plan_ids ON audits (plan_id, id);
CREATE INDEX recommendations_plan_ids ON recommendations (plan_id, id);
CREATE INDEX history_plan_ids ON history (plan_id, id);
-- Pulls across plans (no planId).
CREATE INDEX plans_changes ON plans (updated_at, id);
CREATE INDEX priorities_changes ON priorities (updated_at, id);
CREATE INDEX actions_changes ON actions (updated_at, id);
CREATE INDEX audits_changes ON audits (updated_at, id);
CREATE INDEX recommendations_changes ON recommendations (updated_at, id);
CREATE INDEX history_changes ON history (updated_at, id);
-- What the permission rules ask of an action: its lead agency and priority.
CREATE INDEX actions_lead_agency ON actions (plan_id, lead_agency);
CREATE INDEX actions_priority ON actions (priority_id);
