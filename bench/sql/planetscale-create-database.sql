-- The transaction dbplane runs for one PlanetScale create database (from its SQL log): read the
-- organization, its default region and the cluster size, insert the database, give the creating
-- service token every database-level access on it (one row), commit.
begin;
select o1_0.id as organization_id, o1_0.billing_email, o1_0.created_at, o1_0.default_region_id as region_id,
       o1_0.name, o1_0.plan, o1_0.updated_at
  from planetscale_organization o1_0 where o1_0.name = 'bench' \gset
select r1_0.id, r1_0.display_name, r1_0.enabled, r1_0.location, r1_0.mysql_supported, r1_0.postgresql_supported,
       r1_0.provider, r1_0.public_ip_addresses, r1_0.slug, r1_0.sort_order
  from planetscale_region r1_0 where r1_0.id = :region_id;
select cs1_0.name, cs1_0.architecture, cs1_0.cpu, cs1_0.default_vtgate, cs1_0.default_vtgate_rate, cs1_0.development,
       cs1_0.display_name, cs1_0.enabled, cs1_0.engine, cs1_0.metal, cs1_0.production, cs1_0.provider,
       cs1_0.provider_instance_type, cs1_0.ram, cs1_0.rate, cs1_0.replica_rate, cs1_0.sort_order, cs1_0.storage
  from planetscale_cluster_size cs1_0 where cs1_0.name = 'PS_10';
select substr(md5(random()::text), 1, 12) as database_id \gset
insert into planetscale_database (allow_data_branching, automatic_migrations, cluster_size, created_at, default_branch,
                                  deletion_protected, foreign_keys_enabled, insights_raw_queries, kind, major_version,
                                  maximum_storage_bytes, migration_framework, migration_table_name,
                                  minimum_storage_bytes, name, organization_id, plan, production_branch_web_console,
                                  ready_at, region_id, replicas, require_approval_for_deploy, restrict_branch_region,
                                  state, updated_at, version, id)
values (false, null, 'PS_10', now(), 'main', false, false, false, 'mysql', null, null, null, null, null,
        'pgb-' || :database_id, :organization_id, 'scaler_pro', false, now(), :region_id, null, false, false,
        'pending', now(), 0, :database_id);
insert into planetscale_service_token_access (id, token_id, access, database_id, created_at)
values (substr(md5(random()::text), 1, 12), 'benchtoken01', '*', :database_id, now());
commit;
