-- PlanetScale credentials. Only a hash of each secret is kept.

-- Service tokens: Authorization: <id>:<secret>, the secret starting pscale_tkn_.
create table planetscale_service_token (
    id               varchar(12)  primary key,
    organization_id  varchar(12)  not null references planetscale_organization (id) on delete cascade,
    name             varchar(255),
    secret_hash      varchar(64)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    expires_at       timestamptz
);

create index planetscale_service_token_organization on planetscale_service_token (organization_id);

-- What a service token may do: organization-level accesses (database_id null) such as
-- create_databases, and database-level ones such as read_database, either for one database or,
-- with database_id null, for all current and future databases of the organization.
create table planetscale_service_token_access (
    id           varchar(12)  primary key,
    token_id     varchar(12)  not null references planetscale_service_token (id) on delete cascade,
    access       varchar(64)  not null,
    database_id  varchar(12)  references planetscale_database (id) on delete cascade,
    created_at   timestamptz  not null
);

create unique index planetscale_service_token_access_unique
    on planetscale_service_token_access (token_id, access, coalesce(database_id, ''));

-- Bearer access tokens (pscale_oauth_...): act as the organization's administrator.
create table planetscale_access_token (
    id               varchar(12)  primary key,
    organization_id  varchar(12)  not null references planetscale_organization (id) on delete cascade,
    name             varchar(255),
    secret_hash      varchar(64)  not null,
    created_at       timestamptz  not null,
    revoked_at       timestamptz,
    constraint planetscale_access_token_secret_unique unique (secret_hash)
);
