-- Reminder digests sent (issue #18): one row per member and day, claimed before the email goes and
-- marked sent after, so any number of instances and restarts send each digest at most once.
CREATE TABLE reminder_log (
  member_id text COLLATE "C" NOT NULL,
  day date NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at timestamptz,
  PRIMARY KEY (member_id, day)
);
