-- Members are found by the rules' person key (src/model/rights.ts personKey): emails lower-cased as
-- before, user keys now as they are (a `{iss}#{sub}` subject is case-sensitive).
UPDATE members SET member_user = CASE WHEN strpos(body->>'user', '@') > 0 THEN lower(body->>'user') ELSE body->>'user' END;
