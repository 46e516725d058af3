-- The change requests of a branch: cluster changes (Terraform's terraform-changes; read under
-- .../changes) and vtgate resizes (PUT .../resizes; read under .../resizes). dbplane applies
-- each at once, so a request is stored completed, with what it set and what the branch had
-- before; it is never updated afterwards. The columns of the other kind stay null.
create table planetscale_branch_change (
    id                                      varchar(12)  primary key,
    branch_id                               varchar(12)  not null references planetscale_branch (id) on delete cascade,
    kind                                    varchar(16)  not null check (kind in ('CLUSTER', 'VTGATE')),
    cluster_name                            varchar(64),
    previous_cluster_name                   varchar(64),
    replicas                                integer,
    previous_replicas                       integer,
    -- PostgreSQL parameter overrides by namespace, JSON text as on planetscale_branch.
    parameters                              text,
    previous_parameters                     text,
    vtgate_size                             varchar(32),
    previous_vtgate_size                    varchar(32),
    vtgate_count                            integer,
    previous_vtgate_count                   integer,
    vtgate_max_count                        integer,
    previous_vtgate_max_count               integer,
    vtgate_autoscaling                      boolean,
    previous_vtgate_autoscaling             boolean,
    vtgate_target_cpu_utilization           integer,
    previous_vtgate_target_cpu_utilization  integer,
    actor_id                                varchar(12),
    created_at                              timestamptz  not null,
    completed_at                            timestamptz  not null,
    check ((kind = 'CLUSTER') = (cluster_name is not null)),
    check ((kind = 'VTGATE') = (vtgate_size is not null))
);

-- Lists are one branch's requests of one kind, newest first.
create index planetscale_branch_change_list on planetscale_branch_change (branch_id, kind, created_at desc, id desc);
