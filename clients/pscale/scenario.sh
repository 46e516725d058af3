#!/usr/bin/env bash
# The pscale scenario, run by clients/run against a dbplane it started. Prints one TAP line per
# step ("ok N - ..." / "not ok N - ...") and each command with its output, so the log shows what
# was sent and what came back.
#
# Needs: PSCALE (the binary), DBPLANE_URL, PLANETSCALE_ORG, PLANETSCALE_SERVICE_TOKEN_ID,
# PLANETSCALE_SERVICE_TOKEN, PLANETSCALE_ACCESS_TOKEN (pscale refuses its service-token commands
# when it is authenticated with a service token, so those run with --api-token, as after
# `pscale auth login`).
set -uo pipefail

: "${PSCALE:?}" "${DBPLANE_URL:?}" "${PLANETSCALE_ORG:?}" "${PLANETSCALE_SERVICE_TOKEN_ID:?}"
: "${PLANETSCALE_SERVICE_TOKEN:?}" "${PLANETSCALE_ACCESS_TOKEN:?}"

# pscale keeps its configuration under $HOME and looks for .pscale.yml in the Git repository it
# runs in: give it a home of its own, outside any repository.
HOME=$(mktemp -d)
export HOME CI=1 PSCALE_DISABLE_DEV_WARNING=true PSCALE_NO_UPDATE_NOTIFIER=1
mkdir -p "$HOME/.config/planetscale"
cd "$HOME" || exit 1
trap 'rm -rf "$HOME"' EXIT

org=$PLANETSCALE_ORG
api=(--api-url "$DBPLANE_URL/")
as_token=("${api[@]}" --service-token-id "$PLANETSCALE_SERVICE_TOKEN_ID" --service-token "$PLANETSCALE_SERVICE_TOKEN")
as_user=("${api[@]}" --api-token "$PLANETSCALE_ACCESS_TOKEN")
# pscale reads PLANETSCALE_* variables as flags (viper): each command gets its credential from
# its flags only.
unset PLANETSCALE_ORG PLANETSCALE_SERVICE_TOKEN_ID PLANETSCALE_SERVICE_TOKEN PLANETSCALE_ACCESS_TOKEN
suffix=$(date +%s%N | tail -c 9)
mysql_db="ps-mysql-$suffix"
pg_db="ps-pg-$suffix"
pg_renamed="ps-pg-renamed-$suffix"

step=0
rc=0
out=$HOME/out.json
err=$HOME/err.txt

# invoke [NOTE] ARGS...: logs the command (without secrets), runs pscale ARGS -f json into $out
# and $err, shows both, and leaves pscale's exit code in $rc.
invoke() {
  local note=$1
  shift
  step=$((step + 1))
  echo "# pscale $*$note" | sed -E 's/(--service-token|--api-token) [^ ]+/\1 ***/g'
  "$PSCALE" "$@" -f json >"$out" 2>"$err"
  rc=$?
  cat "$out" "$err"
}

# run DESCRIPTION JQ_CHECK ARGS...: pscale ARGS -f json must exit 0 and its output satisfy the
# jq expression (jq -e, given --arg values below).
run() {
  local description=$1 check=$2
  shift 2
  invoke "" "$@"
  if [ $rc -eq 0 ] && jq -e --arg org "$org" --arg my "$mysql_db" --arg pg "$pg_db" --arg pg2 "$pg_renamed" \
    --arg tok "${token_id:-}" "$check" "$out" >/dev/null 2>&1; then
    echo "ok $step - $description"
  else
    echo "not ok $step - $description (exit $rc)"
  fi
}

# refused DESCRIPTION TEXT ARGS...: pscale ARGS must fail, its error containing TEXT.
refused() {
  local description=$1 text=$2
  shift 2
  invoke " (must fail)" "$@"
  if [ $rc -ne 0 ] && grep -qF "$text" "$out" "$err"; then
    echo "ok $step - $description"
  else
    echo "not ok $step - $description (exit $rc, wanted an error containing: $text)"
  fi
}

# Organizations and the catalogue.
run "org list shows the token's organization" 'length == 1 and .[0].name == $org' org list "${as_token[@]}"
run "org list with --api-url without a trailing slash" '.[0].name == $org' org list --api-url "$DBPLANE_URL" \
  "${as_token[@]:2}"
run "org switch checks the organization exists" 'true' org switch "$org" "${as_token[@]}"
run "org show reports the switched organization" '.org == $org' org show "${as_token[@]}"
refused "org switch to an unknown organization" "does not exist" org switch no-such-org "${as_token[@]}"
run "region list marks us-east as the default" \
  'length > 2 and ([.[] | select(.current_default)] | map(.slug)) == ["us-east"] and all(.[]; .enabled)' \
  region list --org "$org" "${as_token[@]}"
run "size cluster list --engine mysql" \
  'any(.[]; .name == "PS_10") and all(.[]; (.name | test("^PS_[A-Z0-9]+$")) and .ram > 0)' \
  size cluster list --engine mysql --org "$org" "${as_token[@]}"
run "size cluster list --engine postgresql" \
  'any(.[]; .name == "PS_10_AWS_ARM") and all(.[]; .name | test("^PS_[0-9]+_(AWS|GCP)_(X86|ARM)$"))' \
  size cluster list --engine postgresql --org "$org" "${as_token[@]}"
run "size cluster list of every engine carries prices" \
  'any(.[]; .name == "PS_10" and .rate != null) and any(.[]; .name == "PS_10_AWS_X86" and .rate != null)' \
  size cluster list --org "$org" "${as_token[@]}"

# Databases.
run "database create --wait (MySQL)" '.name == $my and .kind == "mysql" and .region.slug == "us-east"' \
  database create "$mysql_db" --cluster-size PS_10 --wait --org "$org" "${as_token[@]}"
run "database show: ready once create --wait returned" '.name == $my and .state == "ready" and .default_branch == "main"' \
  database show "$mysql_db" --org "$org" "${as_token[@]}"
run "database create --wait (PostgreSQL, HA, in eu-west)" \
  '.name == $pg and .kind == "postgresql" and .region.slug == "eu-west"' \
  database create "$pg_db" --engine postgresql --cluster-size PS_10_AWS_ARM --replicas 2 --major-version 17 \
  --region eu-west --wait --org "$org" "${as_token[@]}"
run "database show (PostgreSQL) is ready" '.state == "ready" and .kind == "postgresql"' \
  database show "$pg_db" --org "$org" "${as_token[@]}"
refused "database create with a taken name" "Name has already been taken" \
  database create "$mysql_db" --cluster-size PS_10 --org "$org" "${as_token[@]}"
refused "database create with an unknown cluster size" "cluster_size" \
  database create "ps-bad-$suffix" --cluster-size PS_NOPE --org "$org" "${as_token[@]}"
run "database list shows both" '([.[].name] | index($my)) != null and ([.[].name] | index($pg)) != null' \
  database list --org "$org" "${as_token[@]}"
run "database update (MySQL settings)" \
  '.foreign_keys_enabled == true and .automatic_migrations == true and .migration_framework == "rails"
   and .migration_table_name == "schema_migrations" and .production_branch_web_console == true' \
  database update "$mysql_db" --allow-foreign-key-constraints --automatic-migrations --migration-framework rails \
  --migration-table-name schema_migrations --production-branch-web-console --org "$org" "${as_token[@]}"
run "database show keeps the updated settings" '.foreign_keys_enabled == true and .migration_framework == "rails"' \
  database show "$mysql_db" --org "$org" "${as_token[@]}"
run "database update --new-name (PostgreSQL)" '.name == $pg2 and .restrict_branch_region == true' \
  database update "$pg_db" --new-name "$pg_renamed" --restrict-branch-region --org "$org" "${as_token[@]}"
refused "database show of the old name" "does not exist" database show "$pg_db" --org "$org" "${as_token[@]}"

# Service tokens and their accesses.
run "service-token create" '(.id | test("^[a-z0-9]{12}$")) and (.token | startswith("pscale_tkn_")) and .name == "pscale-ci"' \
  service-token create --name pscale-ci --org "$org" "${as_user[@]}"
token_id=$(jq -r '.id // empty' "$out")
token_secret=$(jq -r '.token // empty' "$out")
run "service-token list shows it, without its secret" 'any(.[]; .id == $tok and .token == "")' \
  service-token list --org "$org" "${as_user[@]}"
run "service-token add-access on a database" \
  'any(.[]; .resource_name == $my and .resource_type == "Database" and (.accesses | sort) == ["delete_database", "read_database"])' \
  service-token add-access "$token_id" read_database delete_database --database "$mysql_db" --org "$org" "${as_user[@]}"
run "service-token add-access on the organization" \
  'any(.[]; .resource_name == $org and .resource_type == "Organization" and .accesses == ["read_organization"])' \
  service-token add-access "$token_id" read_organization --org "$org" "${as_user[@]}"
run "service-token show-access lists both grants" \
  'length == 2 and any(.[]; .resource_name == $my and .resource_type == "Database" and (.accesses | sort) == ["delete_database", "read_database"])
   and any(.[]; .resource_name == $org and .resource_type == "Organization" and .accesses == ["read_organization"])' \
  service-token show-access "$token_id" --org "$org" "${as_user[@]}"
as_new=("${api[@]}" --service-token-id "$token_id" --service-token "$token_secret")
run "the new token reads the database it was granted" '.name == $my' database show "$mysql_db" --org "$org" "${as_new[@]}"
refused "the new token does not see another database" "does not exist" \
  database show "$pg_renamed" --org "$org" "${as_new[@]}"
run "service-token delete-access" '.result == "access removed"' \
  service-token delete-access "$token_id" read_database --database "$mysql_db" --org "$org" "${as_user[@]}"
run "show-access no longer lists it" 'any(.[]; .resource_name == $my and .accesses == ["delete_database"])' \
  service-token show-access "$token_id" --org "$org" "${as_user[@]}"
run "service-token delete" '.result == "token deleted"' service-token delete "$token_id" --org "$org" "${as_user[@]}"
refused "show-access of the deleted token" "does not exist" service-token show-access "$token_id" --org "$org" "${as_user[@]}"

# Branches, passwords (MySQL) and roles (PostgreSQL).
run "branch list: a new database has main, in production" \
  'length == 1 and .[0].name == "main" and .[0].production == true and .[0].ready == true' \
  branch list "$mysql_db" --org "$org" "${as_token[@]}"
# --wait polls until the branch is ready, then prints the branch as its create answered
run "branch create --wait (MySQL)" '.name == "dev" and .parent_branch == "main" and .production == false' \
  branch create "$mysql_db" dev --wait --org "$org" "${as_token[@]}"
run "branch show: ready once create --wait returned" \
  '.name == "dev" and .ready == true and .region.slug == "us-east" and .safe_migrations == false' \
  branch show "$mysql_db" dev --org "$org" "${as_token[@]}"
refused "branch create with a taken name" "Name has already been taken" \
  branch create "$mysql_db" dev --org "$org" "${as_token[@]}"
run "branch promote: dev becomes a production branch" '.name == "dev" and .production == true' \
  branch promote "$mysql_db" dev --org "$org" "${as_token[@]}"
refused "branch promote of a production branch" "is already a production branch" \
  branch promote "$mysql_db" dev --org "$org" "${as_token[@]}"
run "branch list: both branches are production branches now" \
  '([.[].name] | sort) == ["dev", "main"] and all(.[]; .production)' \
  branch list "$mysql_db" --org "$org" "${as_token[@]}"
run "branch demote: dev is a development branch again" '.name == "dev" and .production == false' \
  branch demote "$mysql_db" dev --org "$org" "${as_token[@]}"
refused "branch demote of a development branch" "is not a production branch" \
  branch demote "$mysql_db" dev --org "$org" "${as_token[@]}"
# dbplane answers PUT .../resizes 204, as Terraform's provider expects (README), so pscale has no
# request to print; the resize is applied and recorded, and status reads it back.
run "keyspace list: the branch's one keyspace, named as its database" \
  'length == 1 and .[0].name == $my and .[0].shards == 1 and .[0].sharded == false and (.[0].id | length) == 12' \
  keyspace list "$mysql_db" main --org "$org" "${as_token[@]}"
run "keyspace show by name" '.name == $my and .resizing == false' \
  keyspace show "$mysql_db" main "$mysql_db" --org "$org" "${as_token[@]}"
refused "keyspace show of a keyspace the branch does not have" "does not exist" \
  keyspace show "$mysql_db" main other --org "$org" "${as_token[@]}"
run "branch vtgate resize (answered 204: nothing to print)" '(.id // "") == ""' \
  branch vtgate resize "$mysql_db" main --vtgate-size VTG_10 --vtgate-count 3 --org "$org" "${as_token[@]}"
run "branch vtgate resize status: the resize, completed" \
  '.state == "completed" and .vtgate_name == "VTG_10" and .previous_vtgate_name == "VTG_5" and .vtgate_count == 3
   and .previous_vtgate_count == 2 and .completed_at != null' \
  branch vtgate resize status "$mysql_db" main --org "$org" "${as_token[@]}"
run "branch vtgate show: the vtgates the resize set" '.vtgate_size == "VTG_10" and .vtgate_count == 3' \
  branch vtgate show "$mysql_db" main --org "$org" "${as_token[@]}"
run "password create on dev" \
  '.name == "ci" and .role == "readwriter" and (.plain_text | startswith("pscale_pw_")) and (.username | length) > 0
   and .database_branch.name == "dev"' \
  password create "$mysql_db" dev ci --role readwriter --ttl 1h --org "$org" "${as_token[@]}"
password_id=$(jq -r '.id // empty' "$out")
run "password list shows it, without its secret" \
  'length == 1 and .[0].name == "ci" and (.[0].plain_text // "") == ""' \
  password list "$mysql_db" dev --org "$org" "${as_token[@]}"
run "password delete --force" 'true' password delete "$mysql_db" dev "$password_id" --force --org "$org" "${as_token[@]}"
run "password list is empty again" 'length == 0' password list "$mysql_db" dev --org "$org" "${as_token[@]}"
run "branch list shows both branches" '([.[].name] | sort) == ["dev", "main"]' \
  branch list "$mysql_db" --org "$org" "${as_token[@]}"
run "branch delete --force" 'true' branch delete "$mysql_db" dev --force --org "$org" "${as_token[@]}"
refused "branch show after delete" "does not exist" branch show "$mysql_db" dev --org "$org" "${as_token[@]}"

# PlanetScale's MySQL CI recipe: a branch, a password, a migration through the connection string
# with the mysql client, read back, then cleaned up. dbplane names a MySQL branch's database
# ps_<branch id> (README: connection strings).
mysql_sql() { # HOST_PORT USER PASSWORD DATABASE SQL
  mysql -h "${1%:*}" -P "${1##*:}" -u "$2" -p"$3" -N -B "$4" -e "$5"
}
sql_step() { # DESCRIPTION EXPECTED_OUTPUT HOST_PORT USER PASSWORD DATABASE SQL
  local description=$1 expected=$2 got
  shift 2
  step=$((step + 1))
  echo "# mysql -h ${1%:*} -P ${1##*:} -u $2 $4 -e \"$5\""
  if [ "${DBPLANE_MYSQL_DATAPLANE:-0}" = 0 ] || ! command -v mysql >/dev/null 2>&1; then
    echo "not ok $step - $description (no MySQL data plane or no mysql client in this run)"
    return
  fi
  got=$(mysql_sql "$@" 2>&1)
  echo "$got"
  if [ "$got" = "$expected" ]; then
    echo "ok $step - $description"
  else
    echo "not ok $step - $description (wanted: $expected)"
  fi
}
run "recipe: branch create --wait" '.name == "recipe" and .parent_branch == "main"' \
  branch create "$mysql_db" recipe --wait --org "$org" "${as_token[@]}"
recipe_db=ps_$(jq -r '.id // empty' "$out")
run "recipe: password create --role admin" '(.plain_text | startswith("pscale_pw_")) and (.access_host_url | length) > 0' \
  password create "$mysql_db" recipe migrate --role admin --org "$org" "${as_token[@]}"
recipe_host=$(jq -r '.access_host_url // empty' "$out")
recipe_user=$(jq -r '.username // empty' "$out")
recipe_password=$(jq -r '.plain_text // empty' "$out")
recipe_password_id=$(jq -r '.id // empty' "$out")
sql_step "recipe: the password applies a migration through its connection details" "" \
  "$recipe_host" "$recipe_user" "$recipe_password" "$recipe_db" \
  "create table migrated (id int primary key, note varchar(20)); insert into migrated values (7, 'applied')"
sql_step "recipe: and reads it back" "$(printf '7\tapplied')" \
  "$recipe_host" "$recipe_user" "$recipe_password" "$recipe_db" "select id, note from migrated"
run "recipe: branch schema shows the migrated table, as MariaDB writes it" \
  'length == 1 and .[0].name == "migrated" and (.[0].raw | startswith("CREATE TABLE `migrated`"))
   and (.[0].raw | contains("PRIMARY KEY (`id`)"))' \
  branch schema "$mysql_db" recipe --org "$org" "${as_token[@]}"
run "recipe: branch diff shows the migration as an added table" \
  'length == 1 and .[0].name == "migrated" and (.[0].raw | startswith("+CREATE TABLE `migrated`"))
   and all(.[0].raw | split("\n")[]; startswith("+"))' \
  branch diff "$mysql_db" recipe --org "$org" "${as_token[@]}"
run "recipe: branch refresh-schema" '.result == "schema refreshed"' \
  branch refresh-schema "$mysql_db" recipe --org "$org" "${as_token[@]}"
run "recipe: password delete --force" 'true' \
  password delete "$mysql_db" recipe "$recipe_password_id" --force --org "$org" "${as_token[@]}"
step=$((step + 1))
denied=
for _ in $(seq 1 100); do # the login is dropped right after the answer, not before it
  mysql_sql "$recipe_host" "$recipe_user" "$recipe_password" "$recipe_db" "select 1" >/dev/null 2>&1 || {
    denied=1
    break
  }
  sleep 0.1
done
if [ -n "$denied" ] && [ "${DBPLANE_MYSQL_DATAPLANE:-0}" != 0 ]; then
  echo "ok $step - recipe: the deleted password no longer logs in"
else
  echo "not ok $step - recipe: the deleted password no longer logs in"
fi
run "recipe: branch delete --force" 'true' branch delete "$mysql_db" recipe --force --org "$org" "${as_token[@]}"
run "branch create --wait (PostgreSQL: pscale sends cluster_name PS_DEV, its MySQL default)" \
  '.name == "feature" and .kind == "postgresql" and (.cluster_name | test("^PS_5_AWS_"))' \
  branch create "$pg_renamed" feature --wait --org "$org" "${as_token[@]}"
run "role create on feature" \
  '. as $r | .name == "app" and (.password | startswith("pscale_pw_")) and (.username | length) > 0
   and (.database_url | startswith("postgresql://" + $r.username + ":" + $r.password + "@") and contains("/postgres?"))' \
  role create "$pg_renamed" feature app --inherited-roles pg_read_all_data,pg_write_all_data --ttl 1h \
  --org "$org" "${as_token[@]}"
role_id=$(jq -r '.id // empty' "$out")
old_url=$(jq -r '.database_url // empty' "$out")
run "role list shows it, without its password" 'length == 1 and .[0].name == "app" and (.[0].password // "") == ""' \
  role list "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "branch resize --wait: the change request, completed at once" \
  '.state == "completed" and .cluster_name == "PS_10_AWS_X86" and (.previous_cluster_name | test("^PS_5_AWS_"))
   and .replicas == 2 and .parameters.pgconf.max_connections == "200" and .parameters.pgconf.work_mem == "8MB"
   and .completed_at != null' \
  branch resize "$pg_renamed" feature --cluster-size PS_10_AWS_X86 --replicas 2 \
  --parameters pgconf.max_connections=200 --parameters pgconf.work_mem=8MB --wait --org "$org" "${as_token[@]}"
change_id=$(jq -r '.id // empty' "$out")
run "branch resize status: the latest change request" ".id == \"$change_id\" and .state == \"completed\"" \
  branch resize status "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "branch parameters list: the catalogue, with the value the resize set" \
  'length > 5 and (map(select(.namespace == "pgconf" and .name == "max_connections"))[0]
   | .value == "200" and .default_value == "100" and .restart == true and .parameter_type == "integer")' \
  branch parameters list "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "branch parameters list --internal=false: no immutable parameter" 'length > 0 and all(.immutable == false)' \
  branch parameters list "$pg_renamed" feature --internal=false --org "$org" "${as_token[@]}"
refused "branch resize --parameters with a parameter the branch does not list" "unknown parameter" \
  branch resize "$pg_renamed" feature --parameters pgconf.no_such_setting=1 --org "$org" "${as_token[@]}"
refused "branch resize --parameters with an immutable parameter" "cannot be changed" \
  branch resize "$pg_renamed" feature --parameters pgconf.port=6000 --org "$org" "${as_token[@]}"
refused "branch resize --parameters with a value out of its bounds (the API checks values)" \
  "must be an integer from 1 to 262143" \
  branch resize "$pg_renamed" feature --parameters pgconf.max_connections=0 --org "$org" "${as_token[@]}"
# Every change is applied at once, so nothing is queued: cancel answers 204 and changes nothing.
run "branch resize cancel: nothing queued to cancel (204)" '.result == "canceled" and .branch == "feature"' \
  branch resize cancel "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "branch resize to what the branch has: no change (204)" '.result == "no_change" and .branch == "feature"' \
  branch resize "$pg_renamed" feature --cluster-size PS_10_AWS_X86 --org "$org" "${as_token[@]}"
run "branch show: the resized cluster" '.cluster_name == "PS_10_AWS_X86"' \
  branch show "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "role renew: the same role, its password not shown again" ".id == \"$role_id\" and (.password // \"\") == \"\"" \
  role renew "$pg_renamed" feature "$role_id" --org "$org" "${as_token[@]}"
run "role reset --force: a new password, shown once, in its database_url" \
  ". as \$r | .id == \"$role_id\" and (.password | startswith(\"pscale_pw_\"))
   and (\"$old_url\" | contains(\$r.password) | not) and (.database_url | contains(\$r.password))" \
  role reset "$pg_renamed" feature "$role_id" --force --org "$org" "${as_token[@]}"
new_url=$(jq -r '.database_url // empty' "$out")
# The local proxy offers no TLS: the URL's sslmode=verify-full becomes disable (README, "Connecting").
step=$((step + 1))
echo "# psql <role reset's database_url> -c 'select session_user' (and the old password)"
if command -v psql >/dev/null 2>&1; then
  new_user=$(psql "${new_url/sslmode=verify-full/sslmode=disable}" -Atc 'select session_user' 2>&1)
  old_user=$(psql "${old_url/sslmode=verify-full/sslmode=disable}" -Atc 'select session_user' 2>&1)
  echo "$new_user"
  echo "$old_user"
  if [ -n "$new_url" ] && [[ "$new_user" == pscale_api_* ]] && [[ "$old_user" == *"authentication failed"* ]]; then
    echo "ok $step - the reset password logs in and the old one no longer does"
  else
    echo "not ok $step - the reset password logs in and the old one no longer does"
  fi
else
  echo "not ok $step - checking the reset password needs psql (Debian's postgresql-client), which is not installed"
fi
# The resize's work_mem is set on the branch's database: a new session has it.
step=$((step + 1))
echo "# psql <role reset's database_url> -c 'show work_mem'"
work_mem=$(psql "${new_url/sslmode=verify-full/sslmode=disable}" -Atc 'show work_mem' 2>&1)
echo "$work_mem"
if [ "$work_mem" = 8MB ]; then
  echo "ok $step - a new session on the branch has the work_mem branch resize --parameters set"
else
  echo "not ok $step - a new session on the branch has the work_mem branch resize --parameters set"
fi
run "role reassign --force --successor postgres" \
  ".result == \"objects reassigned\" and .role_id == \"$role_id\" and .successor == \"postgres\"" \
  role reassign "$pg_renamed" feature "$role_id" --successor postgres --force --org "$org" "${as_token[@]}"
run "role delete --force --successor postgres" 'true' \
  role delete "$pg_renamed" feature "$role_id" --successor postgres --force --org "$org" "${as_token[@]}"
run "role list is empty again" 'length == 0' role list "$pg_renamed" feature --org "$org" "${as_token[@]}"
# pscale shell makes a short-lived role and runs psql on its access_host_url, database "postgres":
# the query must reach the branch's own database, through dbplane's routing proxy.
step=$((step + 1))
echo "# pscale shell $pg_renamed feature <<< 'create table shell_made (...); select 40 + 2 as answer, current_database()'"
if command -v psql >/dev/null 2>&1; then
  printf 'create table shell_made (id bigint primary key, note text not null);\nselect 40 + 2 as answer, current_database();\n' |
    PSCALE_ALLOW_NONINTERACTIVE_SHELL=1 "$PSCALE" shell "$pg_renamed" feature --org "$org" "${as_token[@]}" \
      >"$out" 2>"$err"
  rc=$?
  cat "$out" "$err"
  if [ $rc -eq 0 ] && grep -qE '^ *42 *\| *ps_[a-z0-9]+ *$' "$out"; then
    echo "ok $step - pscale shell runs a piped query on the PostgreSQL branch's database"
  else
    echo "not ok $step - pscale shell runs a piped query on the PostgreSQL branch's database (exit $rc)"
  fi
else
  echo "not ok $step - pscale shell needs psql (Debian's postgresql-client), which is not installed"
fi
run "role list is empty after the shell: pscale deleted its role" 'length == 0' \
  role list "$pg_renamed" feature --org "$org" "${as_token[@]}"
run "branch schema shows the table the shell made" \
  'length == 1 and .[0].name == "shell_made" and (.[0].raw | startswith("CREATE TABLE public.shell_made ("))
   and (.[0].raw | contains("note text NOT NULL"))' \
  branch schema "$pg_renamed" feature --org "$org" "${as_token[@]}"
refused "password create on a PostgreSQL database" "does not exist" \
  password create "$pg_renamed" feature nope --org "$org" "${as_token[@]}"
run "branch delete --force (PostgreSQL)" 'true' branch delete "$pg_renamed" feature --force --org "$org" "${as_token[@]}"

# Deletes.
run "database delete --force (MySQL)" '.database == $my' database delete "$mysql_db" --force --org "$org" "${as_token[@]}"
refused "database show after delete" "does not exist" database show "$mysql_db" --org "$org" "${as_token[@]}"
run "database delete --force (PostgreSQL)" '.database == $pg2' \
  database delete "$pg_renamed" --force --org "$org" "${as_token[@]}"
run "database list no longer shows them" '([.[].name] | index($my)) == null and ([.[].name] | index($pg2)) == null' \
  database list --org "$org" "${as_token[@]}"
