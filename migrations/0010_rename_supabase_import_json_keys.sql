-- Spells out the keys of the JSON that `npm run migrate:supabase` keeps with each import record, so a record reads
-- as what it holds (issue 21): `fingerprints` {u, a, p} becomes {user, accounts, profile}, and `report_facts`
-- {s, a, w} becomes {sourceCounts, accountProviders, warnings}. Only records written by earlier versions of the
-- command change; the values stay as they are. See scripts/README.md, "Reruns".

UPDATE supabase_import
   SET fingerprints = jsonb_strip_nulls(jsonb_build_object('user', fingerprints -> 'u',
                                                           'accounts', fingerprints -> 'a',
                                                           'profile', fingerprints -> 'p'))
 WHERE fingerprints ? 'u';

UPDATE supabase_import
   SET report_facts = jsonb_build_object('sourceCounts', report_facts -> 's',
                                         'accountProviders', report_facts -> 'a',
                                         'warnings', report_facts -> 'w')
 WHERE report_facts ? 's';
