-- The transaction dbplane runs for one Harness create instance (taken from its SQL log with
-- logging.level.org.hibernate.SQL=debug): read the parent schema, insert the row, commit.
begin;
select ds1_0.id as schema_id, ds1_0.account_id, ds1_0.script_image, ds1_0.script_command, ds1_0.script_shell,
       ds1_0.script_location, ds1_0.script_toml, ds1_0.changelog_connector, ds1_0.changelog_location,
       ds1_0.changelog_repo, ds1_0.changelog_archive_path, ds1_0.changelog_toml, ds1_0.created_at, ds1_0.identifier,
       ds1_0.migration_type, ds1_0.name, ds1_0.org, ds1_0.primary_db_instance_id, ds1_0.project, ds1_0.service,
       ds1_0.tags, ds1_0.type, ds1_0.updated_at, ds1_0.use_percona, ds1_0.version
  from harness_schema ds1_0
 where ds1_0.account_id = 'bench' and ds1_0.org = 'bench' and ds1_0.project = 'bench'
   and ds1_0.identifier = 'bench_schema' \gset
insert into harness_instance (branch, changelog_version, commit_sha, connector, context, created_at, git_tag,
                              identifier, last_applied_tag, last_deployed_change_set_tag, name, schema_id,
                              substitute_properties, tags, to_onboard, updated_at, version, id)
values ('main', null, null, 'pg', 'bench', now(), null, 'pgb_' || replace(gen_random_uuid()::text, '-', ''), null, '',
        'Bench instance', :schema_id, '{"DB": "bench"}', '{"env": "bench"}', true, now(), 0, gen_random_uuid());
commit;
