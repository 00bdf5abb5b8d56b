#!/usr/bin/env bash
# The fault drill (docs/RELIABILITY.md): a private PostgreSQL, two headless silos and the Api as one cluster on it,
# four dashboards watching, and the whole loop for CASES cases. At 20 % of the cases it kills a headless silo
# (SIGKILL), at 45 % it restarts PostgreSQL as a crash would (pg_ctl restart -m immediate), at 70 % it kills the
# Api host (SIGKILL) and starts it again. The drill retries what failed with the same Idempotency-Key, then
# audits every acknowledged case, ledger and deadline, and prints
#   fault-drill: acked=N lost=0 duplicated=0 failovers=K recovery_s=S throughput=X …
# Exits non-zero when anything was lost, doubled or inconsistent. Stops everything it started, also on failure.
#
#   bash scripts/fault-drill.sh [--cases 50000] [--concurrency 64] [--dashboards 4] [--keep-logs]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

CASES=50000 CONCURRENCY=64 DASHBOARDS=4 KEEP_LOGS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) CASES=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --dashboards) DASHBOARDS=$2; shift 2 ;;
    --keep-logs) KEEP_LOGS=1; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d /tmp/fault-drill.XXXX)
PIDS=()
log() { echo "[fault-drill $(date -u +%H:%M:%S)] $*"; }
fault() { echo "$(date +%s%3N) $1" >> "$WORK/faults.log"; log "fault: $1"; }

# --- PostgreSQL of its own, with the default connection limit -----------------------------------------------
source eng/postgres.sh
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  gridactors_pg_stop
  if [ "$KEEP_LOGS" = 1 ] || [ $status -ne 0 ]; then log "logs kept in $WORK"; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
GRIDACTORS_PG_MAX_CONNECTIONS=100 gridactors_pg_start >/dev/null
PGPORT=$GRIDACTORS_PG_PORT
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE drill"
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=drill"
log "PostgreSQL on port $PGPORT"

# --- the cluster: two headless silos and the Api ------------------------------------------------------------
log "building (Release)"
# No build servers: nothing of the build outlives the drill.
for project in src/Api src/Silo src/LoadTest; do dotnet build -c Release "$project" -v q -nologo --disable-build-servers >/dev/null; done

# One configuration for every host: a grid routes by the settings of the silo it lives on.
common=(--Storage=postgres "--ConnectionStrings:Postgres=$PG" --Orleans:Dashboard=false --Dispatch:Auto=false)
start_silo() { # name silo-port gateway-port
  (cd src/Silo && exec dotnet bin/Release/net10.0/Silo.dll "${common[@]}" --Orleans:SiloPort=$2 --Orleans:GatewayPort=$3) \
    >> "$WORK/$1.log" 2>&1 &
  echo $!
}
start_api() {
  (cd src/Api && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/Api.dll "${common[@]}" \
    --urls http://127.0.0.1:$API_PORT --Orleans:SiloPort=11241 --Orleans:GatewayPort=30241 \
    --Simulation:Enabled=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000) \
    >> "$WORK/api.log" 2>&1 &
  echo $!
}
wait_ready() { for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$API_PORT/readyz" >/dev/null && return 0; sleep 0.5; done; return 1; }

API_PORT=5180
SILO1=$(start_silo silo1 11242 30242); PIDS+=("$SILO1")
SILO2=$(start_silo silo2 11243 30243); PIDS+=("$SILO2")
API=$(start_api); PIDS+=("$API")
wait_ready || { log "the Api did not become ready"; exit 1; }
for _ in $(seq 1 60); do
  active=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d drill -tAc "SELECT count(*) FROM orleans_membership WHERE status = 3")
  [ "$active" = 3 ] && break; sleep 1
done
[ "$active" = 3 ] || { log "only $active of 3 silos became active"; exit 1; }
log "cluster up: $active silos active"

# --- the drill, and the faults at 20, 45 and 70 % of the cases --------------------------------------------------
dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll fault --url "http://127.0.0.1:$API_PORT" --postgres "$PG" \
  --cases "$CASES" --concurrency "$CONCURRENCY" --dashboards "$DASHBOARDS" \
  --faults "$WORK/faults.log" --expect-faults 3 --progress "$WORK/progress" > "$WORK/drill.log" 2>&1 &
DRILL=$!; PIDS+=("$DRILL")
closed() { cut -d' ' -f1 "$WORK/progress" 2>/dev/null || echo 0; }
at_share() { # percent: waits until that share of the cases is closed; false when the drill ended first
  while kill -0 "$DRILL" 2>/dev/null && [ "$(closed)" -lt $((CASES * $1 / 100)) ]; do sleep 0.5; done
  kill -0 "$DRILL" 2>/dev/null || { log "the drill ended before $1 % of the cases were closed: no fault there"; return 1; }
}
forget() { # pid: a process this script killed is not killed again at cleanup (its pid may be reused)
  local kept=(); for pid in "${PIDS[@]}"; do [ "$pid" != "$1" ] && kept+=("$pid"); done; PIDS=("${kept[@]}")
}

if at_share 20; then
  kill -9 "$SILO2"; forget "$SILO2"; fault silo-killed
fi
if at_share 45; then
  fault postgres-restart
  "${GRIDACTORS_PG_CTL[@]}" -m immediate -w -l "$GRIDACTORS_PG_DIR/server.log" restart >/dev/null
  log "PostgreSQL back"
fi
if at_share 70; then
  kill -9 "$API"; forget "$API"; fault api-killed
  sleep 1
  API=$(start_api); PIDS+=("$API")
  wait_ready && log "Api back" || log "the restarted Api did not become ready"
fi

status=0
wait "$DRILL" || status=$?
grep -v '^  closed ' "$WORK/drill.log" | tail -40
for host in api silo1 silo2; do
  n=$(grep -c ' fail: \|Unhandled exception' "$WORK/$host.log" || true)
  log "$host log: $n error lines"
done
exit $status
