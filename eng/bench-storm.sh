#!/usr/bin/env bash
# The alarm storm drill: one fresh Release Api (MODE=postgres on a fresh PostgreSQL with default settings, or
# MODE=memory), on the ports and with the rate limits of eng/bench-peak.sh, a short warm-up storm (--seconds
# ${WARMUP_SECONDS:-5}, erased afterwards), then the measured storm: every one of ${DEVICES:-4000} video channels
# alarms once a simulated second for ${SECONDS_SIMULATED:-60} seconds, in batches of ${BATCH:-1000} through
# ${LANES:-8} lanes, checked exactly and erased (--cleanup true). API_ARGS adds Api options; PG_ARGS adds PostgreSQL
# -c settings; DRILL_ARGS adds options of the measured storm (e.g. --kinds 3 --retry-share 0.05).
# Run as root after
# `dotnet build -c Release src/Api/Api.csproj && dotnet build -c Release src/LoadTest/LoadTest.csproj`;
# stops what it started. The storm's JSON report goes to drill-reports/storm-<drill>.json; the script exits with
# the measured storm's exit code (0 only when it was exact and nothing failed).
set -u
cd "$(dirname "$0")/.."
MODE=${MODE:-postgres}
PGDIR=$(mktemp -d /tmp/storm-pg.XXXX); chown postgres "$PGDIR"
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
if [ "$MODE" = postgres ]; then
  su postgres -c "$BIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$BIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p 55511 -k $PGDIR -c listen_addresses=127.0.0.1 ${PG_ARGS:-}' start" >/dev/null
  psql -h 127.0.0.1 -p 55511 -U postgres -c "create database bench" >/dev/null
fi
PG="Host=127.0.0.1;Port=55511;Username=postgres;Database=bench"
(cd src/Api && exec env ${API_ENV:-} ASPNETCORE_ENVIRONMENT=Development dotnet bin/Release/net10.0/Api.dll --urls http://127.0.0.1:5091 \
  --Storage=$MODE --ConnectionStrings:Postgres="$PG" --Orleans:SiloPort=11132 --Orleans:GatewayPort=30032 \
  --Simulation:Enabled=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000 \
  --Orleans:Dashboard=false ${API_ARGS:-} > /tmp/storm-api.log 2>&1) &
for i in $(seq 1 90); do curl -sf http://127.0.0.1:5091/readyz >/dev/null && break; sleep 1; done
API=$(pgrep -f "urls http://127.0.0.1:5091" | head -1)
storm() { dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll storm --url http://127.0.0.1:5091 "$@"; }
STAMP=$(date -u +%Y%m%d-%H%M%S)
echo "== warm-up"
storm --devices "${DEVICES:-4000}" --seconds "${WARMUP_SECONDS:-5}" --concurrency "${LANES:-8}" --drill-id "storm-warmup-$STAMP" \
  --report "/tmp/storm-warmup-$STAMP.json" --cleanup true 2>&1 | grep -E "^storm:|cleanup" | tail -2
echo "== $MODE, storm of ${DEVICES:-4000} devices x ${SECONDS_SIMULATED:-60} s, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), Api ${API_ENV:-} ${API_ARGS:-defaults}, PostgreSQL ${PG_ARGS:-defaults}"
storm --devices "${DEVICES:-4000}" --seconds "${SECONDS_SIMULATED:-60}" --batch "${BATCH:-1000}" --concurrency "${LANES:-8}" \
  --drill-id "storm-$STAMP" --cleanup true ${DRILL_ARGS:-} 2>&1 | tee /tmp/storm-drill.log | tail -${TAIL:-25}
RESULT=${PIPESTATUS[0]}
[ -n "$API" ] && echo "Api VmHWM: $(grep VmHWM /proc/$API/status)"
[ -n "$API" ] && kill "$API" && wait "$API" 2>/dev/null
if [ "$MODE" = postgres ]; then su postgres -c "$BIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null; fi
rm -rf "$PGDIR"
exit "$RESULT"
