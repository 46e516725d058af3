-- Harness API keys: pat.<accountId>.<id>.<secret> (or sat.). Only a hash of the secret is kept.
create table harness_api_key (
    id           varchar(32)  primary key,
    account_id   varchar(128) not null references account (id) on delete cascade,
    type         varchar(3)   not null check (type in ('pat', 'sat')),
    name         varchar(128) not null,
    secret_hash  varchar(64)  not null,
    -- space-separated: view, edit, delete, admin (manage keys), operator (manage accounts)
    permissions  varchar(256) not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz
);

create index harness_api_key_account on harness_api_key (account_id);
