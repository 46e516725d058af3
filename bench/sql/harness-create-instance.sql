-- What dbplane runs for one Harness create instance that arrives alone (taken from PostgreSQL's log
-- with log_statement=all; its bind parameters written as literals): one insert, committed on its
-- own, that finds the parent schema by its key, checks the revision rule (a branch is given, so it
-- holds) and returns the schema's id (no row would mean a missing schema). Creates that arrive
-- while two inserts are running wait and then go into one statement together (the same insert over
-- unnest() arrays, DbInstanceRepository), so under load dbplane commits fewer transactions than it
-- answers creates; this script measures PostgreSQL's limit with one transaction per create.
insert into harness_instance (id, schema_id, identifier, name, tags, connector, branch, commit_sha,
    git_tag, context, substitute_properties, changelog_version, last_applied_tag,
    last_deployed_change_set_tag, to_onboard, created_at, updated_at, version)
select gen_random_uuid(), s.id, 'pgb_' || replace(gen_random_uuid()::text, '-', ''), 'Bench instance',
       '{"env": "bench"}'::jsonb, 'pg', 'main', null, null, 'bench', '{"DB": "bench"}'::jsonb, null, null, '', true,
       now(), now(), 0
from harness_schema s
where s.account_id = 'bench' and s.org = 'bench' and s.project = 'bench' and s.identifier = 'bench_schema'
    and (true or s.type <> 'Repository')
returning schema_id;
