-- What dbplane runs for one PlanetScale get database (DatabaseRepository.find, its bind parameters
-- written as literals): one select, outside a transaction, of the database by its name in the
-- caller's organization, joined to the organization for its name (another organization, or a
-- missing one, gives no row). The caller's accesses come from dbplane's credential cache.
-- bench/run passes the organization's id as :organization_id.
select d.id, d.organization_id, o.name, d.name, d.kind, d.region_id, d.cluster_size, d.replicas,
    d.major_version, d.minimum_storage_bytes, d.maximum_storage_bytes, d.plan, d.state, d.ready_at,
    d.default_branch, d.require_approval_for_deploy, d.deletion_protected, d.allow_data_branching,
    d.foreign_keys_enabled, d.automatic_migrations, d.migration_framework, d.migration_table_name,
    d.restrict_branch_region, d.insights_raw_queries, d.production_branch_web_console, d.created_at,
    d.updated_at, d.version
from planetscale_database d join planetscale_organization o on o.id = d.organization_id
where d.organization_id = :organization_id and d.name = 'bench-database' and o.name = 'bench';
