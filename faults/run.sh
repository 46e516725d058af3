#!/usr/bin/env bash
# Fault injection for dbplane's Harness and PlanetScale APIs (README, "Reliability"). Not run by .ci/run.
#
# Builds the jar, starts a throwaway PostgreSQL cluster on a free loopback port under /tmp,
# and checks that nothing acknowledged is lost when:
#   1. dbplane is killed with SIGKILL (twice) under a create load,
#   2. two replicas share one PostgreSQL under a mixed load (creates, contested creates,
#      concurrent PUTs, deletes, reads) and one replica is killed and restarted,
#   3. PostgreSQL stops under load and comes back (timings are measured),
#   4. a replica gets SIGTERM while uploads are in flight (graceful shutdown).
# Every phase sends Harness requests and PlanetScale database creates and reads alike. Then every
# 2xx-acknowledged resource is read back and compared with its acknowledgement, and every
# PlanetScale database acknowledged as pending must have become ready. Half the PlanetScale
# databases are PostgreSQL ones, provisioned for real on the same cluster (the data plane): each
# acknowledged one must end with its branch database, made once, and no branch database may be
# left without its branch.
# Only 127.0.0.1 is used; every loop is bounded in count and every request in time.
#
# Usage: faults/run.sh          (as root or as a user who can run PostgreSQL's binaries)
# Tunables: WORKERS (4), CREATES (120 per worker), MIXED (120 per worker), KEEP=1 keeps /tmp files.
set -uo pipefail
cd "$(dirname "$0")/.."

WORKERS=${WORKERS:-4}
CREATES=${CREATES:-120}
MIXED=${MIXED:-120}
ACCOUNT=faults
BASE=/v1/orgs/org/projects/proj
HARNESS_KEY=pat.$ACCOUNT.faultskey.faults-secret-value-0123456789
PS_ORG=faults-org
PS_TOKEN_ID=faultstoken1
PS_TOKEN=pscale_tkn_faults-secret-value-0123456789
PS_BASE=/v1/organizations/$PS_ORG
# Short, so that databases acknowledged as pending become ready while the phases still run.
PS_DELAY=3s

work=$(mktemp -d /tmp/dbplane-faults.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/acks" "$work/pgrun"
: >"$work/deleted"
: >"$work/ambiguous"
faults=()
workers=()
started=$(date +%s)

log() { printf '[faults %s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*"; log "logs kept in $work"; KEEP=1; exit 1; }

# --- prerequisites ------------------------------------------------------------------------
need() {
  command -v "$1" >/dev/null 2>&1 && return
  log "installing $2"
  apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null || die "cannot install $2"
}
need curl curl
need jq jq
# The server's binaries (a machine may have only the client's, which share the folder).
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "$pgbin/initdb" ]; then
  log "installing postgresql"
  apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null || die "cannot install postgresql"
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port"
}

# --- processes ----------------------------------------------------------------------------
pg_port=$(free_port)
pg_start() { as_pg "$pgbin/pg_ctl" -D "$work/pgrun/data" -l "$work/pgrun/pg.log" -w -t 60 start \
  -o "-p $pg_port -k $work/pgrun -c listen_addresses=127.0.0.1" >/dev/null || die "PostgreSQL did not start"; }
pg_stop() { as_pg "$pgbin/pg_ctl" -D "$work/pgrun/data" -m fast -w -t 60 stop >/dev/null 2>&1; }

jar=""
app_start() { # NAME PORT
  DBPLANE_SECURITY_HARNESS_API_KEY=$HARNESS_KEY DBPLANE_PLANETSCALE_ORGANIZATIONS_0_NAME=$PS_ORG \
  DBPLANE_PLANETSCALE_ORGANIZATIONS_0_SERVICE_TOKEN_ID=$PS_TOKEN_ID \
  DBPLANE_PLANETSCALE_ORGANIZATIONS_0_SERVICE_TOKEN=$PS_TOKEN DBPLANE_PLANETSCALE_PROVISIONING_DELAY=$PS_DELAY \
  DBPLANE_DATAPLANE_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres" \
  DBPLANE_DATAPLANE_POSTGRESQL_USERNAME=dataplane DBPLANE_DATAPLANE_POSTGRESQL_PASSWORD=dataplane \
  java -Xmx384m -jar "$jar" --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg_port/dbplane" \
    --spring.datasource.username=postgres >>"$work/$1.log" 2>&1 &
  echo $! >"$work/$1.pid"
  ready "$2" 120 || die "$1 did not become ready"
}
app_pid() { cat "$work/$1.pid"; }
ready() { # PORT SECONDS
  local deadline=$(($(date +%s) + $2))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ] && return 0
    sleep 0.2
  done
  return 1
}

# Waits for the load workers only (the dbplane replicas run in the background too).
wait_workers() { [ ${#workers[@]} -gt 0 ] && wait "${workers[@]}" 2>/dev/null; workers=(); }

cleanup() {
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null; done
  for name in a b; do
    [ -f "$work/$name.pid" ] && kill -9 "$(app_pid "$name")" 2>/dev/null
  done
  pg_stop
  if [ "${KEEP:-0}" = 1 ]; then log "files kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- requests: each appends "status kind key port seconds answered-at-ms" to $LOG ---------
schema_body() { printf '{"identifier":"%s","name":"Schema %s \\u00e9\\u2713","tags":{"phase":"%s"},"type":"Repository","migrationType":"Liquibase","changelog":{"connector":"git","location":"db/%s.yaml","repo":"r"},"service":"svc %s"}' "$1" "$1" "$2" "$1" "$3"; }
ps_body() { # names ending in an even digit are PostgreSQL databases, with real branch databases
  case $1 in
    *[02468]) printf '{"name":"%s","kind":"postgresql","cluster_size":"PS_5_AWS_X86","region":"us-east"}' "$1" ;;
    *) printf '{"name":"%s","cluster_size":"PS_10","region":"us-east"}' "$1" ;;
  esac
}
instance_body() { printf '{"identifier":"%s","name":"Instance %s","connector":"pg","branch":"main","context":"ctx","substituteProperties":{"DB":"%s"},"tags":{"k":"v"}}' "$1" "$1" "$2"; }

# Kinds starting with ps_ are PlanetScale requests (paths under $PS_BASE, keys "ps~<name>").
req() { # KIND KEY METHOD PORT PATH [BODY|@FILE] [CURL-OPTION...] -> prints the status
  local kind=$1 key=$2 method=$3 port=$4 path=$5 body=${6-} out=$work/out.$BASHPID result status base=$BASE
  shift 6 2>/dev/null || shift $#
  local args=(-s -o "$out" -w '%{http_code} %{time_total}' --max-time 30 -X "$method"
    -H 'Content-Type: application/json' "$@")
  if [[ $kind == ps_* ]]; then
    base=$PS_BASE
    args+=(-H "Authorization: $PS_TOKEN_ID:$PS_TOKEN")
  else
    args+=(-H "Harness-Account: $ACCOUNT" -H "x-api-key: $HARNESS_KEY")
  fi
  [ -n "$body" ] && args+=(--data-binary "$body")
  : >"$out"
  result=$(curl "${args[@]}" "http://127.0.0.1:$port$base$path" 2>/dev/null)
  [ -n "$result" ] || result="000 0"
  status=${result%% *}
  echo "$status $kind $key $port ${result#* } $(date +%s%3N)" >>"$LOG"
  if [[ $status == 201 ]]; then cp "$out" "$work/acks/$key.json"; fi
  if [[ $status == 5* ]]; then cp "$out" "$work/5xx.$BASHPID.$RANDOM"; fi
  echo "$status"
}

path_of() { # KEY -> path; "x" is a schema, "x.i" its instance "i", "ps~x" a PlanetScale database
  case $1 in
    ps~*) echo "$PS_BASE/databases/${1#ps~}" ;;
    *.*) echo "$BASE/dbschema/${1%%.*}/instance/${1#*.}" ;;
    *) echo "$BASE/dbschema/$1" ;;
  esac
}

lines() { cat "$work"/*.load 2>/dev/null | wc -l; }

# --- build and start ----------------------------------------------------------------------
log "building the jar"
./mvnw -B -q -DskipTests package >"$work/build.log" 2>&1 || die "build failed (see $work/build.log)"
jar=$(ls target/dbplane*.jar 2>/dev/null | grep -v '\.original$' | head -n 1)
[ -n "$jar" ] || die "no jar in target/"
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port, data in $work/pgrun/data"
[ "$(id -u)" = 0 ] && chown postgres "$work/pgrun"
as_pg "$pgbin/initdb" -D "$work/pgrun/data" -U postgres -A trust >/dev/null || die "initdb failed"
pg_start
as_pg "$pgbin/psql" -h "$work/pgrun" -p "$pg_port" -U postgres -qc "create database dbplane" || die "create database"
psql_() { as_pg "$pgbin/psql" -h "$work/pgrun" -p "$pg_port" -U postgres -d dbplane -tAc "$1"; }
# The data plane's administrative role, as README tells operators to make it.
psql_ "create role dataplane login createdb createrole password 'dataplane'" >/dev/null || die "create role dataplane"
port_a=$(free_port)
port_b=$(free_port)
app_start a "$port_a"
log "dbplane A on 127.0.0.1:$port_a"

# --- 1. SIGKILL under a create load ---------------------------------------------------------
create_worker() { # W N
  local w=$1 i status LOG=$work/p1.$w.load
  for ((i = 0; i < $2; i++)); do
    status=$(req create_schema "c_${w}_$i" POST "$port_a" /dbschema "$(schema_body "c_${w}_$i" crash "$w")")
    if [ "$status" = 201 ]; then
      status=$(req create_instance "c_${w}_$i.i" POST "$port_a" "/dbschema/c_${w}_$i/instance" "$(instance_body i "c_${w}_$i")")
    fi
    if [ $((i % 2)) = 0 ]; then
      status=$(req ps_create "ps~c-$w-$i" POST "$port_a" /databases "$(ps_body "c-$w-$i")")
      [ "$status" = 201 ] && status=$(req ps_read "ps~c-$w-$i" GET "$port_a" "/databases/c-$w-$i")
    fi
    [ "$status" = 000 ] && sleep 0.5
  done
}
log "phase 1: $WORKERS workers x $CREATES schema creates (each followed by an instance; every other one by a PlanetScale database create and read) against A; SIGKILL twice"
for ((w = 0; w < WORKERS; w++)); do
  create_worker "$w" "$CREATES" &
  workers+=($!)
done
expected=$((WORKERS * CREATES * 3))
for mark in 3 2; do
  deadline=$(($(date +%s) + 300))
  while [ "$(lines)" -lt $((expected / mark)) ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
  kill -9 "$(app_pid a)"
  faults+=("SIGKILL of dbplane under create load")
  log "killed A with SIGKILL after $(lines) requests; restarting"
  wait "$(app_pid a)" 2>/dev/null
  app_start a "$port_a"
done
wait_workers
log "phase 1 done: $(lines) requests"

# --- 2. two replicas, mixed load, one replica killed ---------------------------------------
for k in 0 1 2 3; do
  LOG=$work/setup.load req create_schema "shared_$k" POST "$port_a" /dbschema "$(schema_body "shared_$k" mixed -)" >/dev/null
done
declare -A version_before
for k in 0 1 2 3; do version_before[$k]=$(psql_ "select version from harness_schema where identifier = 'shared_$k'"); done
rm -f "$work"/acks/shared_*.json # PUTs change these on purpose; checked by version below
app_start b "$port_b"
log "dbplane B on 127.0.0.1:$port_b"
mixed_worker() { # W N
  local w=$1 i port status LOG=$work/p2.$w.load
  for ((i = 0; i < $2; i++)); do
    port=$(((i + w) % 2 == 0 ? port_a : port_b))
    case $((i % 5)) in
      0) status=$(req create_schema "m_${w}_$i" POST "$port" /dbschema "$(schema_body "m_${w}_$i" mixed "$w")")
         [ "$status" = 201 ] && req create_instance "m_${w}_$i.i" POST "$port" "/dbschema/m_${w}_$i/instance" "$(instance_body i "m_${w}_$i")" >/dev/null
         status=$(req ps_create "ps~m-$w-$i" POST "$port" /databases "$(ps_body "m-$w-$i")")
         [ "$status" = 201 ] && req ps_read "ps~m-$w-$i" GET "$((port == port_a ? port_b : port_a))" "/databases/m-$w-$i" >/dev/null ;;
      1) status=$(req create_dup "dup_$((i % 10))" POST "$port" /dbschema "$(schema_body "dup_$((i % 10))" "w$w" "$w")")
         status=$(req ps_create_dup "ps~dup-$((i % 10))" POST "$port" /databases "$(ps_body "dup-$((i % 10))")") ;;
      2|3) status=$(req "put_shared_$((i % 4))" "shared_$((i % 4)):n_${w}_$i" PUT "$port" "/dbschema/shared_$((i % 4))" "{\"name\":\"n_${w}_$i\"}") ;;
      4) status=$(req delete_own "m_${w}_$((i - 4))" DELETE "$port" "/dbschema/m_${w}_$((i - 4))")
         [ "$status" = 204 ] && echo "m_${w}_$((i - 4))" >>"$work/deleted"
         [ "$status" = 000 ] && echo "m_${w}_$((i - 4))" >>"$work/ambiguous" ;;
    esac
    [ "$status" = 000 ] && sleep 0.5
  done
}
log "phase 2: $WORKERS workers x $MIXED mixed requests alternating A and B; SIGKILL of A midway"
before=$(lines)
for ((w = 0; w < WORKERS; w++)); do
  mixed_worker "$w" "$MIXED" &
  workers+=($!)
done
deadline=$(($(date +%s) + 300))
while [ "$(lines)" -lt $((before + WORKERS * MIXED / 2)) ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
kill -9 "$(app_pid a)"
faults+=("SIGKILL of replica A under mixed load")
log "killed A with SIGKILL; B keeps serving; restarting A"
wait "$(app_pid a)" 2>/dev/null
app_start a "$port_a"
wait_workers
log "phase 2 done: $(lines) requests"

# --- 3. PostgreSQL stops under load and returns ---------------------------------------------
outage_worker() { # W N
  local i LOG=$work/p3.$1.load
  for ((i = 0; i < $2; i++)); do
    if [ $((i % 3)) = 2 ]; then
      req ps_create "ps~o-${1}-$i" POST "$(((i % 2) ? port_a : port_b))" /databases "$(ps_body "o-${1}-$i")" >/dev/null
    else
      req create_schema "o_${1}_$i" POST "$(((i % 2) ? port_a : port_b))" /dbschema "$(schema_body "o_${1}_$i" outage -)" >/dev/null
    fi
    [ -f "$work/outage.done" ] && break
    sleep 0.05
  done
}
log "phase 3: PostgreSQL stops under load"
for w in 0 1 2 3; do
  outage_worker "$w" 1000 &
  workers+=($!)
done
sleep 2
outage_at=$(date +%s%N)
pg_stop
faults+=("PostgreSQL stopped under load")
sleep 8
readiness_down=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port_a/actuator/health/readiness")
pg_start
back_at=$(date +%s%N)
ready "$port_a" 120 || die "A not ready after PostgreSQL returned"
ready_a_at=$(date +%s%N)
ready "$port_b" 120 || die "B not ready after PostgreSQL returned"
sleep 2
touch "$work/outage.done"
wait_workers
max_503=$(cat "$work"/p3.*.load | awk '$1 == 503 && $5 > m {m = $5} END {printf "%.2f", m}')
count_503=$(cat "$work"/p3.*.load | awk '$1 == 503' | wc -l)
first_503_at=$(cat "$work"/p3.*.load | awk '$1 == 503 {print $6}' | sort -n | head -n 1)
first_503_ms=$((${first_503_at:-0} - outage_at / 1000000))
recovery_ms=$(((ready_a_at - back_at) / 1000000))
log "phase 3 done: $count_503 requests answered 503 (first ${first_503_ms} ms after the stop began, slowest ${max_503}s), readiness during the outage: $readiness_down, ready ${recovery_ms} ms after PostgreSQL returned"

# --- 4. SIGTERM with uploads in flight -------------------------------------------------------
log "phase 4: SIGTERM to B while 4 slow uploads (3 Harness, 1 PlanetScale) are in flight"
padding=$(head -c 150000 /dev/zero | tr '\0' x)
for k in 0 1 2; do
  printf '{"identifier":"g_%s","name":"Graceful %s","changelog":{"connector":"c","location":"l"},"service":"%s"}' "$k" "$k" "$padding" >"$work/g_$k.json"
  (LOG=$work/p4.load req create_schema "g_$k" POST "$port_b" /dbschema "@$work/g_$k.json" --limit-rate 50k >/dev/null) &
  workers+=($!)
done
printf '{"name":"g-ps","cluster_size":"PS_10","notes":"%s"}' "$padding" >"$work/g_ps.json"
(LOG=$work/p4.load req ps_create "ps~g-ps" POST "$port_b" /databases "@$work/g_ps.json" --limit-rate 50k >/dev/null) &
workers+=($!)
sleep 1
term_ms=$(date +%s%3N)
kill -TERM "$(app_pid b)"
faults+=("SIGTERM of replica B with requests in flight")
term_at=$(date +%s)
sleep 0.5
after_term=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port_b/actuator/health/liveness")
for _ in $(seq 1 300); do kill -0 "$(app_pid b)" 2>/dev/null || break; sleep 0.1; done
kill -0 "$(app_pid b)" 2>/dev/null && die "B did not exit within 30 s of SIGTERM"
exit_s=$(($(date +%s) - term_at))
wait_workers
# answered with 201 after SIGTERM, so they were in flight when it arrived
graceful_ok=$(awk -v at="$term_ms" '$1 == 201 && $6 > at' "$work/p4.load" | wc -l)
log "phase 4 done: $graceful_ok/4 in-flight uploads answered 201, B exited ${exit_s} s after SIGTERM; a new request 0.5 s after SIGTERM got ${after_term} (000: refused)"

# --- verification ----------------------------------------------------------------------------
log "verifying every acknowledged resource through A"
lost=0
checked=0
ps_checked=0
ps_pending=0
ps_not_ready=0
# A pending database acknowledged last is ready PS_DELAY later; no timing is asserted.
sleep "${PS_DELAY%s}"
for ack in "$work"/acks/*.json; do
  key=$(basename "$ack" .json)
  if [[ $key == ps~* ]]; then
    ps_checked=$((ps_checked + 1))
    [ "$(jq -r .state "$ack")" = pending ] && ps_pending=$((ps_pending + 1))
    got=$(curl -s -w '\n%{http_code}' --max-time 30 -H "Authorization: $PS_TOKEN_ID:$PS_TOKEN" "http://127.0.0.1:$port_a$(path_of "$key")")
    status=${got##*$'\n'}
    body=${got%$'\n'*}
    # state, ready and updated_at move on when the database becomes ready; the URLs name the
    # replica that answered
    if [ "$status" != 200 ] || [ "$(printf '%s' "$body" | jq -S -c 'del(.state, .ready, .updated_at, .url, .branches_url, .html_url)')" != "$(jq -S -c 'del(.state, .ready, .updated_at, .url, .branches_url, .html_url)' "$ack")" ]; then
      lost=$((lost + 1))
      log "lost or changed: $key ($status)"
    elif [ "$(printf '%s' "$body" | jq -r '.state + " " + (.ready | tostring)')" != "ready true" ]; then
      ps_not_ready=$((ps_not_ready + 1))
      log "never became ready: $key"
    fi
    continue
  fi
  schema=${key%%.*}
  grep -qx "$schema" "$work/ambiguous" 2>/dev/null && continue
  checked=$((checked + 1))
  got=$(curl -s -w '\n%{http_code}' --max-time 30 -H "Harness-Account: $ACCOUNT" -H "x-api-key: $HARNESS_KEY" "http://127.0.0.1:$port_a$(path_of "$key")")
  status=${got##*$'\n'}
  if grep -qx "$schema" "$work/deleted"; then
    [ "$status" = 404 ] || { lost=$((lost + 1)); log "deleted but still there: $key ($status)"; }
    continue
  fi
  if [ "$status" != 200 ] || [ "$(printf '%s' "${got%$'\n'*}" | jq -S -c 'del(.instanceCount)')" != "$(jq -S -c 'del(.instanceCount)' "$ack")" ]; then
    lost=$((lost + 1))
    log "lost or changed: $key ($status)"
  fi
done
duplicates=0
for k in $(seq 0 9); do
  rows=$(psql_ "select count(*) from harness_schema where account_id = '$ACCOUNT' and identifier = 'dup_$k'")
  wins=$(cat "$work"/*.load | awk -v key="dup_$k" '$2 == "create_dup" && $3 == key && $1 == 201' | wc -l)
  { [ "$rows" -le 1 ] && [ "$wins" -le 1 ] && { [ "$wins" = 0 ] || [ "$rows" = 1 ]; }; } || { duplicates=$((duplicates + 1)); log "dup_$k: $rows rows, $wins 201s"; }
done
for k in $(seq 0 9); do
  rows=$(psql_ "select count(*) from planetscale_database d join planetscale_organization o on o.id = d.organization_id where o.name = '$PS_ORG' and d.name = 'dup-$k'")
  wins=$(cat "$work"/*.load | awk -v key="ps~dup-$k" '$2 == "ps_create_dup" && $3 == key && $1 == 201' | wc -l)
  { [ "$rows" -le 1 ] && [ "$wins" -le 1 ] && { [ "$wins" = 0 ] || [ "$rows" = 1 ]; }; } || { duplicates=$((duplicates + 1)); log "ps dup-$k: $rows rows, $wins 201s"; }
done
lost_updates=0
for k in 0 1 2 3; do
  delta=$(($(psql_ "select version from harness_schema where identifier = 'shared_$k'") - version_before[$k]))
  acked=$(cat "$work"/*.load | awk -v kind="put_shared_$k" '$2 == kind && $1 == 200' | wc -l)
  unknown=$(cat "$work"/*.load | awk -v kind="put_shared_$k" '$2 == kind && $1 == "000"' | wc -l)
  name=$(psql_ "select name from harness_schema where identifier = 'shared_$k'")
  named=$(cat "$work"/*.load | awk -v kind="put_shared_$k" -v key="shared_$k:$name" '$2 == kind && $3 == key && ($1 == 200 || $1 == "000")' | wc -l)
  if [ "$delta" -lt "$acked" ] || [ "$delta" -gt $((acked + unknown)) ] || [ "$named" = 0 ]; then
    lost_updates=$((lost_updates + 1))
    log "shared_$k: version +$delta for $acked acknowledged PUTs ($unknown unanswered), final name $name"
  fi
done
orphans=$(psql_ "select count(*) from harness_instance i where not exists (select 1 from harness_schema s where s.id = i.schema_id)")
# The data plane: once its work is done (bounded), every stored PostgreSQL branch has its database
# and every branch database its branch (deleted databases' ones dropped, a crash's finished).
for _ in $(seq 1 600); do
  [ "$(psql_ "select count(*) from dataplane_task where completed_at is null and not_before <= now()")" = 0 ] && break
  sleep 0.2
done
dataplane_pending=$(psql_ "select count(*) from dataplane_task where completed_at is null and not_before <= now()")
branches_without_database=$(psql_ "select count(*) from planetscale_branch b join planetscale_database d on d.id = b.database_id
  where d.kind = 'postgresql' and not exists (select 1 from pg_database where datname = 'ps_' || b.id)")
databases_without_branch=$(psql_ "select count(*) from pg_database where datname like 'ps\\_%'
  and not exists (select 1 from planetscale_branch b where 'ps_' || b.id = datname)")
pg_branches=$(psql_ "select count(*) from planetscale_branch b join planetscale_database d on d.id = b.database_id where d.kind = 'postgresql'")
server_errors=$(cat "$work"/*.load | awk '$1 ~ /^5/ && $1 != 503' | wc -l)
unanswered_present=0
for key in $(cat "$work"/*.load | awk '$1 == "000" && $2 == "create_schema" {print $3}' | sort -u); do
  [ "$(psql_ "select count(*) from harness_schema where account_id = '$ACCOUNT' and identifier = '$key'")" = 1 ] && unanswered_present=$((unanswered_present + 1))
done
for key in $(cat "$work"/*.load | awk '$1 == "000" && $2 == "ps_create" {print $3}' | sort -u); do
  [ "$(psql_ "select count(*) from planetscale_database where name = '${key#ps~}'")" = 1 ] && unanswered_present=$((unanswered_present + 1))
done

# --- summary -----------------------------------------------------------------------------------
echo
echo "=== dbplane fault injection summary ($(($(date +%s) - started)) s) ==="
echo "requests tried:        $(lines) (PlanetScale: $(cat "$work"/*.load | awk '$2 ~ /^ps_/' | wc -l))"
echo "faults injected:       ${#faults[@]}"
printf '  - %s\n' "${faults[@]}"
echo "responses by status:   $(cat "$work"/*.load | awk '{c[$1]++} END {for (s in c) printf "%s: %d  ", s, c[s]}')(000 = no response: refused or cut by a kill)"
echo "  PlanetScale only:    $(cat "$work"/*.load | awk '$2 ~ /^ps_/ {c[$1]++} END {for (s in c) printf "%s: %d  ", s, c[s]}')"
echo "acknowledged resources checked: $checked Harness (2xx creates, re-read and compared; acknowledged deletes must be 404) + $ps_checked PlanetScale databases"
echo "PlanetScale databases acknowledged as pending: $ps_pending; not ready afterwards: $ps_not_ready"
echo "resources lost:        $lost"
echo "lost updates:          $lost_updates (version delta vs. acknowledged PUTs on 4 contested schemas)"
echo "duplicates:            $duplicates (10 Harness identifiers and 10 PlanetScale names created by every worker on both replicas)"
echo "orphan instances:      $orphans"
echo "data plane:            $pg_branches PostgreSQL branches; without their database: $branches_without_database; branch databases without a branch: $databases_without_branch; tasks still due: $dataplane_pending"
echo "5xx other than 503:    $server_errors"
echo "unanswered creates that were stored anyway: $unanswered_present (allowed: the kill came after the commit)"
echo "outage: $count_503 requests got 503, the first ${first_503_ms} ms after PostgreSQL began to stop, the slowest after ${max_503}s; readiness during the outage: $readiness_down; ready again ${recovery_ms} ms after PostgreSQL returned"
echo "graceful shutdown: $graceful_ok/4 uploads in flight at SIGTERM completed with 201; a new connection 0.5 s after SIGTERM got ${after_term} (000: refused)"
[ "$lost" = 0 ] && [ "$lost_updates" = 0 ] && [ "$duplicates" = 0 ] && [ "$orphans" = 0 ] && [ "$server_errors" = 0 ] \
  && [ "$graceful_ok" = 4 ] && [ "$readiness_down" = 503 ] && [ "$ps_not_ready" = 0 ] \
  && [ "$branches_without_database" = 0 ] && [ "$databases_without_branch" = 0 ] && [ "$dataplane_pending" = 0 ] \
  && [ "$pg_branches" -gt 0 ] || die "an invariant was broken"
echo "OK"
