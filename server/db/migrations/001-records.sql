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

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['plans', 'priorities', 'actions', 'audits', 'recommendations', 'history'] LOOP
    -- Pulls: one plan's records since a checkpoint in (updatedAt, id) order; full pulls by id.
    EXECUTE format('CREATE INDEX %I ON %I (plan_id, updated_at, id)', name || '_pull', name);
    EXECUTE format('CREATE INDEX %I ON %I (plan_id, id)', name || '_plan_ids', name);
    -- Pulls across plans (no planId).
    EXECUTE format('CREATE INDEX %I ON %I (updated_at, id)', name || '_changes', name);
  END LOOP;
END
$$;

-- What the permission rules ask of an action: its lead agency and priority.
CREATE INDEX actions_lead_agency ON actions (plan_id, lead_agency);
CREATE INDEX actions_priority ON actions (priority_id);
