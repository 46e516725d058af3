-- PlanetScale family: the catalogue (regions, cluster sizes) is data, so an operator can see
-- and extend it in SQL; organizations own databases by foreign key.

create table planetscale_region (
    id                    varchar(12)  primary key,
    slug                  varchar(64)  not null,
    provider              varchar(16)  not null,
    display_name          varchar(128) not null,
    location              varchar(128) not null,
    -- dbplane has no egress addresses of its own to publish.
    public_ip_addresses   jsonb        not null default '[]',
    mysql_supported       boolean      not null,
    postgresql_supported  boolean      not null,
    enabled               boolean      not null default true,
    sort_order            integer      not null,
    constraint planetscale_region_slug_unique unique (slug)
);

insert into planetscale_region (id, slug, provider, display_name, location, mysql_supported, postgresql_supported, sort_order)
values
    ('m61siwstb3x6', 'us-east',                     'AWS', 'AWS us-east-1',               'N. Virginia',         true, true,  10),
    ('3pkx9v5gbikh', 'us-west',                     'AWS', 'AWS us-west-2',               'Oregon',              true, true,  20),
    ('jzxat65oc4jw', 'eu-west',                     'AWS', 'AWS eu-west-1',               'Dublin',              true, true,  30),
    ('1gz9tloskerd', 'eu-central',                  'AWS', 'AWS eu-central-1',            'Frankfurt',           true, true,  40),
    ('s1g5cg20yjgl', 'ap-northeast',                'AWS', 'AWS ap-northeast-1',          'Tokyo',               true, true,  50),
    ('erg38qpcwqxi', 'ap-southeast',                'AWS', 'AWS ap-southeast-1',          'Singapore',           true, true,  60),
    ('ydr7wfl5eh7h', 'ap-south',                    'AWS', 'AWS ap-south-1',              'Mumbai',              true, true,  70),
    ('jqfmfmrp13t3', 'aws-us-east-2',               'AWS', 'AWS us-east-2',               'Ohio',                true, true,  80),
    ('xlmnyhxluws9', 'aws-ap-southeast-2',          'AWS', 'AWS ap-southeast-2',          'Sydney',              true, true,  90),
    ('5hhbkiviriee', 'aws-sa-east-1',               'AWS', 'AWS sa-east-1',               'Sao Paulo',           true, true, 100),
    ('ee0g4s4u62kp', 'aws-eu-west-2',               'AWS', 'AWS eu-west-2',               'London',              true, true, 110),
    ('ggr6i9nnfk0c', 'gcp-us-central1',             'GCP', 'GCP us-central1',             'Council Bluffs, Iowa', true, true, 120),
    ('lqv55oprpn46', 'gcp-us-east4',                'GCP', 'GCP us-east4',                'Ashburn, Virginia',   true, true, 130),
    ('1j5d8p056iqu', 'gcp-northamerica-northeast1', 'GCP', 'GCP northamerica-northeast1', 'Montreal',            true, false, 140),
    ('rujk6euitpo8', 'gcp-asia-northeast3',         'GCP', 'GCP asia-northeast3',         'Seoul',               true, false, 150);

create table planetscale_cluster_size (
    name                    varchar(64)  primary key,
    engine                  varchar(16)  not null check (engine in ('mysql', 'postgresql')),
    display_name            varchar(64)  not null,
    cpu                     varchar(16)  not null,
    ram                     bigint       not null,
    storage                 bigint,
    metal                   boolean      not null default false,
    -- null: offered in every region; otherwise only in regions of that provider.
    provider                varchar(16),
    provider_instance_type  varchar(64),
    architecture            varchar(16),
    default_vtgate          varchar(16),
    default_vtgate_rate     integer,
    -- Monthly prices in whole dollars: clients decode them as integers.
    rate                    integer,
    replica_rate            integer,
    sort_order              integer      not null,
    development             boolean      not null,
    production              boolean      not null,
    enabled                 boolean      not null default true
);

-- MySQL (Vitess): provider-neutral sizes. ram and storage in bytes.
insert into planetscale_cluster_size (name, engine, display_name, cpu, ram, storage, default_vtgate, rate, replica_rate,
                                      sort_order, development, production)
select s.name, 'mysql', replace(s.name, '_', '-'), s.cpu, s.ram_mib::bigint * 1048576, 10737418240, 'VTG_5', s.rate,
       s.rate / 3, s.sort_order, s.name = 'PS_DEV', s.name <> 'PS_DEV'
from (values
    ('PS_DEV',  '1/16',    512, null,  0),
    ('PS_10',   '1/8',    1024,   39, 10),
    ('PS_20',   '1/4',    2048,   59, 20),
    ('PS_40',   '1/2',    4096,   99, 30),
    ('PS_80',   '1',      8192,  179, 40),
    ('PS_160',  '2',     16384,  349, 50),
    ('PS_320',  '4',     32768,  699, 60),
    ('PS_400',  '8',     32768,  999, 70),
    ('PS_640',  '8',     65536, 1399, 80),
    ('PS_700',  '16',    32768, 1999, 90),
    ('PS_900',  '16',    65536, 2399, 100),
    ('PS_1280', '16',   131072, 2799, 110),
    ('PS_1400', '32',    65536, 3999, 120),
    ('PS_1800', '32',   131072, 4799, 130),
    ('PS_2100', '48',    98304, 5999, 140),
    ('PS_2560', '32',   262144, 5599, 150),
    ('PS_2700', '48',   196608, 7199, 160),
    ('PS_2800', '64',   131072, 7999, 170)
) as s (name, cpu, ram_mib, rate, sort_order);

-- PostgreSQL: every size on both providers and both architectures; Arm costs less.
insert into planetscale_cluster_size (name, engine, display_name, cpu, ram, storage, provider, architecture, rate,
                                      sort_order, development, production)
select 'PS_' || s.n || '_' || v.provider_tag || '_' || v.arch_tag, 'postgresql',
       'PS-' || s.n || '-' || v.provider_tag || '-' || v.arch_tag, s.cpu, s.ram_mib::bigint * 1048576, null, v.provider,
       v.architecture, case when v.arch_tag = 'ARM' then round(s.rate * 0.87)::integer else s.rate end,
       1000 + s.n * 10 + v.sort_order, false, true
from (values
    (5,    '1/16',    512,    5),
    (10,   '1/8',    1024,   39),
    (20,   '1/4',    2048,   59),
    (40,   '1/2',    4096,   99),
    (80,   '1',      8192,  179),
    (160,  '2',     16384,  349),
    (320,  '4',     32768,  699),
    (640,  '8',     65536, 1399),
    (1280, '16',   131072, 2799),
    (2560, '32',   262144, 5599)
) as s (n, cpu, ram_mib, rate)
cross join (values
    ('AWS', 'X86', 'aws', 'x86_64', 1),
    ('AWS', 'ARM', 'aws', 'arm64',  2),
    ('GCP', 'X86', 'gcp', 'x86_64', 3),
    ('GCP', 'ARM', 'gcp', 'arm64',  4)
) as v (provider_tag, arch_tag, provider, architecture, sort_order);

create table planetscale_organization (
    id                 varchar(12)  primary key,
    name               varchar(64)  not null,
    billing_email      varchar(320) not null,
    plan               varchar(64)  not null,
    default_region_id  varchar(12)  not null references planetscale_region (id),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint planetscale_organization_name_unique unique (name)
);

create table planetscale_database (
    id                             varchar(12)  primary key,
    organization_id                varchar(12)  not null references planetscale_organization (id),
    name                           varchar(64)  not null,
    kind                           varchar(16)  not null check (kind in ('mysql', 'postgresql')),
    region_id                      varchar(12)  not null references planetscale_region (id),
    cluster_size                   varchar(64)  not null references planetscale_cluster_size (name),
    replicas                       integer,
    major_version                  varchar(16),
    minimum_storage_bytes          bigint,
    maximum_storage_bytes          bigint,
    plan                           varchar(64)  not null,
    -- The stored state and ready_at decide readiness for every replica: a pending database is
    -- ready once ready_at has passed, whoever reads it.
    state                          varchar(32)  not null,
    ready_at                       timestamptz  not null,
    default_branch                 varchar(64)  not null,
    require_approval_for_deploy    boolean      not null,
    deletion_protected             boolean      not null,
    allow_data_branching           boolean      not null,
    foreign_keys_enabled           boolean      not null,
    automatic_migrations           boolean,
    migration_framework            varchar(64),
    migration_table_name           varchar(64),
    restrict_branch_region         boolean      not null,
    insights_raw_queries           boolean      not null,
    production_branch_web_console  boolean      not null,
    created_at                     timestamptz  not null,
    updated_at                     timestamptz  not null,
    version                        bigint       not null,
    constraint planetscale_database_name_unique unique (organization_id, name)
);
