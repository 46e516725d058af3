-- What dbplane runs for one PlanetScale create database that arrives alone (from its SQL log;
-- concurrent creates go into one statement together, as harness-create-instance.sql says): one
-- statement, committed on its own, that inserts the database into the caller's organization,
-- reading the organization's id, plan and default region from its row (the request names no region,
-- so the default region must be one it is valid in; the cluster size is checked against the
-- catalogue in memory, the caller against its cached credential), and gives the creating service
-- token every database-level access on it (one row). dbplane makes its 12-character ids in Java;
-- here they are random 48-bit numbers in hexadecimal, drawn by pgbench without a round trip.
-- bench/run passes the organization's id as :organization_id and every region's id,
-- comma-separated, as :regions (dbplane passes the regions the request is valid in).
\set database random(0, 281474976710655)
\set access random(0, 281474976710655)
with created as (
    insert into planetscale_database (id, organization_id, name, kind, region_id, cluster_size, replicas,
        major_version, minimum_storage_bytes, maximum_storage_bytes, plan, state, ready_at, default_branch,
        require_approval_for_deploy, deletion_protected, allow_data_branching, foreign_keys_enabled,
        automatic_migrations, migration_framework, migration_table_name, restrict_branch_region,
        insights_raw_queries, production_branch_web_console, created_at, updated_at, version)
    select lpad(to_hex(:database::bigint), 12, '0'), o.id, 'pgb-' || lpad(to_hex(:database::bigint), 12, '0'),
        'mysql', coalesce(null, o.default_region_id), 'PS_10', cast(null as integer), cast(null as varchar),
        cast(null as bigint), cast(null as bigint), o.plan, 'pending', now(), 'main', false, false, false, false,
        cast(null as boolean), cast(null as varchar), cast(null as varchar), false, false, false, now(), now(), 0
    from planetscale_organization o where o.name = 'bench'
        and o.id = :organization_id
        and (cast(:regions as text) is null
            or o.default_region_id = any(string_to_array(cast(:regions as text), ',')))
    on conflict on constraint planetscale_database_name_unique do nothing
    returning id, organization_id, region_id, plan),
granted as (
    insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
    select lpad(to_hex(:access::bigint), 12, '0'), cast('benchtoken01' as varchar), '*', created.id, now()
    from created where cast('benchtoken01' as varchar) is not null)
select organization_id, region_id, plan from created;
