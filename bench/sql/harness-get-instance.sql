-- What dbplane runs for one Harness get instance (DbInstanceRepository.find, its bind parameters
-- written as literals): one select, outside a transaction, that finds the schema by its key and
-- the instance by its identifier in it (the schema's type decides the response's shape; no row
-- means a missing schema). The credential check is served from dbplane's credential cache.
select s.type as schema_type, i.id, i.schema_id, i.identifier, i.name, i.tags, i.connector, i.branch,
       i.commit_sha, i.git_tag, i.context, i.substitute_properties, i.changelog_version, i.last_applied_tag,
       i.last_deployed_change_set_tag, i.to_onboard, i.created_at, i.updated_at, i.version
from harness_schema s
left join harness_instance i on i.schema_id = s.id and i.identifier = 'bench_instance'
where s.account_id = 'bench' and s.org = 'bench' and s.project = 'bench' and s.identifier = 'bench_schema';
