-- The data plane's MariaDB (docker compose): dbplane manages accounts, and has every
-- privilege on branch databases (ps_...) only.
create user 'dbplane'@'%' identified by 'dataplane';
grant create user on *.* to 'dbplane'@'%';
grant all privileges on `ps\_%`.* to 'dbplane'@'%' with grant option;
