-- The data plane's PostgreSQL (docker compose): dbplane's administrative role may create
-- databases and roles, and is not a superuser; branch logins may not connect to postgres.
create role dbplane_dataplane login createdb createrole password 'dataplane';
revoke connect, temporary on database postgres from public;
revoke connect, temporary on database template1 from public;
grant connect on database postgres to dbplane_dataplane;
