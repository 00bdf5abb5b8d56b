#!/usr/bin/env bash
# The soak (docs/RELIABILITY.md): the Api at a steady RATE cases/s through the whole loop for MINUTES minutes with
# four dashboards watching, in memory mode and on a private PostgreSQL, one after the other, each after a
# two-minute ramp up to RATE that is sampled but not compared. PostgreSQL runs with the checkpoint spacing
# README recommends (docs/RELIABILITY.md: with the default 1 GB of WAL between checkpoints, full-page images
# grew with the tables and so did p99); --pg-stock runs it with the server's defaults instead. Every 10 s it records the Api's resident memory, the cluster's activations, the database's connections
# and the latency of the window, as CSV in OUT, and prints one line per mode comparing the first third of the
# run with the last. In PostgreSQL mode scripts/soak-database.sh records the server's own counters beside them
# (checkpoints, WAL, buffer reads, autovacuum, waits, statements), so growth can be traced to its cause.
# Stops everything it started, also on failure.
#
#   bash scripts/soak.sh [--minutes 30] [--rate 300] [--storage both|memory|postgres] [--out soak-results]
#                        [--pg-stock] [--pg-setting NAME=VALUE]...   (a server setting for the PostgreSQL run, e.g. shared_buffers=2GB)
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=30 RATE=300 STORAGE=both OUT=soak-results
PG_SETTINGS=" -c max_wal_size=8GB -c checkpoint_timeout=15min -c wal_compression=on"
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --storage) STORAGE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --pg-stock) PG_SETTINGS=""; shift ;;
    --pg-setting) PG_SETTINGS="$PG_SETTINGS -c $2"; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

WORK=$(mktemp -d /tmp/soak.XXXX)
API="" SAMPLER=""
log() { echo "[soak $(date -u +%H:%M:%S)] $*"; }
source eng/postgres.sh
cleanup() {
  local status=$?
  [ -n "$API" ] && kill -9 "$API" 2>/dev/null || true
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  gridactors_pg_stop
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (Release)"
for project in src/Api src/LoadTest; do dotnet build -c Release "$project" -v q -nologo --disable-build-servers >/dev/null; done

soak() { # storage
  local storage=$1 extra=() pg=()
  if [ "$storage" = postgres ]; then
    # What the statistics need (timing costs a clock read per I/O), the checkpoint spacing and --pg-setting.
    GRIDACTORS_PG_MAX_CONNECTIONS=100 GRIDACTORS_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements \
      -c track_io_timing=on -c track_wal_io_timing=on$PG_SETTINGS" gridactors_pg_start >/dev/null || return 1
    psql -h 127.0.0.1 -p "$GRIDACTORS_PG_PORT" -U postgres -qc "CREATE DATABASE soak" || return 1
    local conn="${GRIDACTORS_TEST_POSTGRES/Database=postgres/Database=soak}"
    extra=(--Storage=postgres "--ConnectionStrings:Postgres=$conn")
    pg=(--postgres "$conn")
  fi
  (cd src/Api && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/Api.dll "${extra[@]}" \
    --urls http://127.0.0.1:5190 --Orleans:SiloPort=11251 --Orleans:GatewayPort=30251 --Orleans:Dashboard=false \
    --Simulation:Enabled=false --Dispatch:Auto=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000) \
    > "$OUT/api-$storage.log" 2>&1 &
  API=$!
  local ready=no
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5190/readyz >/dev/null && { ready=yes; break; }; sleep 0.5; done
  [ "$ready" = yes ] || { log "$storage: the Api did not become ready (see $OUT/api-$storage.log)"; return 1; }
  log "$storage: Api ready (pid $API), soaking $MINUTES min at $RATE cases/s"
  if [ "$storage" = postgres ]; then
    mkdir -p "$OUT/database-postgres"
    bash scripts/soak-database.sh "$GRIDACTORS_PG_PORT" soak "$OUT/database-postgres" "$API" & SAMPLER=$!
  fi
  local status=0
  dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll soak --url http://127.0.0.1:5190 --rate "$RATE" --minutes "$MINUTES" \
    --dashboards 4 --samples "$OUT/soak-$storage.csv" --api-pid "$API" "${pg[@]}" > "$OUT/soak-$storage.log" 2>&1 || status=$?
  grep '^soak:' "$OUT/soak-$storage.log" | sed "s/^soak:/soak($storage):/" || true
  kill "$API"; wait "$API" 2>/dev/null || true; API=""
  [ -n "$SAMPLER" ] && { kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""; }
  [ "$storage" = postgres ] && gridactors_pg_stop
  return $status
}

status=0
case "$STORAGE" in
  both) soak memory || status=$?; soak postgres || status=$? ;;
  memory|postgres) soak "$STORAGE" || status=$? ;;
  *) echo "--storage is both, memory or postgres" >&2; exit 2 ;;
esac
log "samples in $OUT"
exit $status
