-- A role's reassign (POST .../roles/{id}/reassign) hands what its login owns to another role
-- without dropping it: a task action of its own, which names a login as the others on logins do.
-- V7 left its checks unnamed, so they are found by what they say.
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'dataplane_task'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) like '%DROP_LOGIN%'
    loop
        execute format('alter table dataplane_task drop constraint %I', c.conname);
    end loop;
end
$$;

alter table dataplane_task add constraint dataplane_task_action_check
    check (action in ('CREATE_DATABASE', 'DROP_DATABASE', 'CREATE_LOGIN', 'SET_PASSWORD', 'SET_EXPIRY',
                      'EXPIRE_LOGIN', 'DROP_LOGIN', 'REASSIGN_OWNED'));

alter table dataplane_task add constraint dataplane_task_login_username
    check (action not in ('CREATE_LOGIN', 'SET_PASSWORD', 'SET_EXPIRY', 'EXPIRE_LOGIN', 'DROP_LOGIN',
                          'REASSIGN_OWNED') or username is not null);
