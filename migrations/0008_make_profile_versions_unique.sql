-- Makes a profile's version (its ETag) unique across the profile's lives. Versions counted per row from 1, so a
-- profile deleted and created again was "1" again, and an If-Match read before the deletion matched the new
-- profile. From now on every write takes the next value of one sequence (the API's and the Supabase import's),
-- and the sequence starts above any value the old per-row integer counter could have reached, so no version is
-- ever handed out twice. Existing rows keep their version, so ETags clients hold stay valid.
-- The column becomes bigint (a table rewrite under an exclusive lock: seconds for a million profiles).

CREATE SEQUENCE profile_version AS bigint START WITH 2147483648;

ALTER TABLE profile
  ALTER COLUMN version TYPE bigint,
  ALTER COLUMN version SET DEFAULT nextval('profile_version');

ALTER SEQUENCE profile_version OWNED BY profile.version;
