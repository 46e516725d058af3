-- Every row belongs to an account: account > org > project > schema > instance.
-- Orgs and projects are namespaces inside an account and have no table of their own.
create table account (
    id         varchar(128) primary key,
    created_at timestamptz  not null default now()
);

create table harness_schema (
    id                      uuid         primary key,
    account_id              varchar(128) not null references account (id) on delete cascade,
    org                     varchar(128) not null,
    project                 varchar(128) not null,
    identifier              varchar(128) not null,
    name                    varchar(128) not null,
    tags                    jsonb        not null default '{}',
    service                 text,
    type                    varchar(16)  not null,
    migration_type          varchar(16)  not null,
    use_percona             boolean      not null default false,
    primary_db_instance_id  text,
    changelog_connector     text,
    changelog_location      text,
    changelog_repo          text,
    changelog_archive_path  text,
    changelog_toml          text,
    script_image            text,
    script_command          text,
    script_shell            text,
    script_location         text,
    script_toml             text,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null,
    constraint harness_schema_identifier_unique unique (account_id, org, project, identifier)
);

create table harness_instance (
    id                            uuid         primary key,
    schema_id                     uuid         not null references harness_schema (id) on delete cascade,
    identifier                    varchar(128) not null,
    name                          varchar(128) not null,
    tags                          jsonb        not null default '{}',
    connector                     text         not null,
    branch                        text,
    commit_sha                    text,
    git_tag                       text,
    context                       text,
    substitute_properties         jsonb        not null default '{}',
    changelog_version             text,
    last_applied_tag              text,
    last_deployed_change_set_tag  text         not null default '',
    to_onboard                    boolean      not null default true,
    created_at                    timestamptz  not null,
    updated_at                    timestamptz  not null,
    version                       bigint       not null,
    constraint harness_instance_identifier_unique unique (schema_id, identifier)
);
