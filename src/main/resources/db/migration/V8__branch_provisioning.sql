-- Branches whose database (and, for PostgreSQL, default role) a data plane creates
-- (planetscale/BranchProvisioning): pending until that work is recorded done. Null for
-- branches that are records only (no data plane of their kind) and for those provisioned.
-- WAITING: the work is still to be asked for; REQUESTED: its tasks are stored.
alter table planetscale_branch add column provisioning varchar(16)
    check (provisioning in ('WAITING', 'REQUESTED'));

create index planetscale_branch_waiting on planetscale_branch (created_at) where provisioning = 'WAITING';
