-- A PostgreSQL branch's per-database settings (PATCH .../changes, PUT .../terraform-changes)
-- set on its real database: a task action of its own, carrying the whole set the branch has,
-- so that the last task applied leaves the database as the branch says whatever ran before.
alter table dataplane_task add column settings varchar(4000);

alter table dataplane_task drop constraint dataplane_task_action_check;

alter table dataplane_task add constraint dataplane_task_action_check
    check (action in ('CREATE_DATABASE', 'DROP_DATABASE', 'CREATE_LOGIN', 'SET_PASSWORD', 'SET_EXPIRY',
                      'EXPIRE_LOGIN', 'DROP_LOGIN', 'REASSIGN_OWNED', 'SET_PARAMETERS'));
