-- PlanetScale branches and their credentials: passwords (MySQL databases) and roles
-- (PostgreSQL databases). Mapped by JPA; each row carries the version its entity checks.
-- Lists held as JSON are text: only dbplane reads them, always whole.

create table planetscale_branch (
    id                             varchar(12)  primary key,
    database_id                    varchar(12)  not null references planetscale_database (id) on delete cascade,
    name                           varchar(64)  not null,
    -- null for a database's first branch; otherwise the name its parent had at creation.
    parent_branch                  varchar(64),
    production                     boolean      not null,
    region_id                      varchar(12)  not null references planetscale_region (id),
    cluster_name                   varchar(64)  not null references planetscale_cluster_size (name),
    major_version                  varchar(16),
    replicas                       integer,
    -- As for databases: a pending branch is ready once ready_at has passed, for every replica.
    state                          varchar(32)  not null,
    ready_at                       timestamptz  not null,
    deletion_protected             boolean      not null,
    safe_migrations                boolean      not null,
    vtgate_size                    varchar(32)  not null,
    vtgate_count                   integer      not null,
    vtgate_autoscaling             boolean      not null,
    vtgate_max_count               integer,
    vtgate_target_cpu_utilization  integer,
    -- PostgreSQL parameter overrides by namespace, as Terraform's terraform-changes sends them.
    parameters                     text,
    actor_id                       varchar(12),
    created_at                     timestamptz  not null,
    updated_at                     timestamptz  not null,
    version                        bigint       not null,
    constraint planetscale_branch_name_unique unique (database_id, name)
);

-- Every database has had its default branch from its creation on; those created before this
-- migration get theirs now.
insert into planetscale_branch (id, database_id, name, parent_branch, production, region_id, cluster_name,
                                major_version, replicas, state, ready_at, deletion_protected, safe_migrations,
                                vtgate_size, vtgate_count, vtgate_autoscaling, created_at, updated_at, version)
select substr(md5(d.id || '/' || d.default_branch), 1, 12), d.id, d.default_branch, null, true, d.region_id,
       d.cluster_size, d.major_version, d.replicas, d.state, d.ready_at, false, false,
       coalesce(cs.default_vtgate, ''), case when d.kind = 'mysql' then 2 else 0 end, false, d.created_at,
       d.updated_at, 0
from planetscale_database d join planetscale_cluster_size cs on cs.name = d.cluster_size;

-- MySQL passwords. Only a hash of the secret is kept: mysql_native_password's
-- '*' || upper(hex(sha1(sha1(secret)))), from which a MySQL server can create the login.
create table planetscale_branch_password (
    id              varchar(12)  primary key,
    branch_id       varchar(12)  not null references planetscale_branch (id) on delete cascade,
    name            varchar(255) not null,
    role            varchar(16)  not null check (role in ('reader', 'writer', 'admin', 'readwriter')),
    username        varchar(32)  not null,
    secret_hash     varchar(41)  not null,
    cidrs           text,
    replica         boolean      not null,
    direct_vtgate   boolean      not null,
    ttl_seconds     integer,
    expires_at      timestamptz,
    actor_id        varchar(12),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null,
    constraint planetscale_branch_password_username_unique unique (username)
);

create index planetscale_branch_password_branch on planetscale_branch_password (branch_id, created_at);

-- PostgreSQL roles. Only the SCRAM-SHA-256 verifier of the password is kept, in the form
-- PostgreSQL's CREATE ROLE ... PASSWORD takes, so a server can create the login from it.
create table planetscale_branch_role (
    id                       varchar(12)  primary key,
    branch_id                varchar(12)  not null references planetscale_branch (id) on delete cascade,
    name                     varchar(255) not null,
    username                 varchar(63)  not null,
    password_verifier        text         not null,
    inherited_roles          text         not null,
    with_replication         boolean      not null,
    require_where_on_delete  varchar(8)   not null,
    require_where_on_update  varchar(8)   not null,
    is_default               boolean      not null,
    ttl_seconds              integer,
    expires_at               timestamptz,
    actor_id                 varchar(12),
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null,
    constraint planetscale_branch_role_username_unique unique (username)
);

create index planetscale_branch_role_branch on planetscale_branch_role (branch_id, created_at);

-- One default role per branch, however many requests ask for it at once.
create unique index planetscale_branch_role_default on planetscale_branch_role (branch_id) where is_default;
