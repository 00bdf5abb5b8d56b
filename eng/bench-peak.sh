#!/usr/bin/env bash
# The peak drill of docs/BENCHMARKS.md ("scaling"): one fresh Release Api (MODE=postgres on a fresh PostgreSQL
# with default settings, or MODE=memory), a 5,000-case warm-up drill (erased afterwards), then
# `--events $1 --concurrency ${LANES:-64} --dashboards ${DASHBOARDS:-4}` with the Api's resident memory read by the
# drill itself (--api-pid). GCDUMP_AT=<seconds> also takes a heap dump of the Api that long into the measured
# drill (it pauses the Api, so not in a run whose figures count). API_MEMORY_LIMIT=<bytes> runs the Api in a memory
# cgroup of that size, as a container would (the kernel kills it above the limit; .NET sizes its heap limit to 75 % of
# it); API_ARGS adds Api options (e.g. --Orleans:CaseIdleTime=00:00:30); PG_ARGS adds PostgreSQL -c settings;
# DRILL_ARGS adds options of the measured drill; ERASE=1 times DELETE /api/drills/<id> of the measured drill after it.
# Run as root after
# `dotnet build -c Release src/Api/Api.csproj && dotnet build -c Release src/LoadTest/LoadTest.csproj`;
# stops what it started. The drill's HTML and JSON reports go to drill-reports/.
set -u
cd "$(dirname "$0")/.."
EVENTS=${1:?usage: MODE=postgres|memory eng/bench-peak.sh EVENTS}
MODE=${MODE:-postgres}
PGDIR=$(mktemp -d /tmp/peak-pg.XXXX); chown postgres "$PGDIR"
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
CGROUP=""
if [ -n "${API_MEMORY_LIMIT:-}" ]; then
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    CGROUP=/sys/fs/cgroup/bench-peak-api; mkdir -p $CGROUP; echo "$API_MEMORY_LIMIT" > $CGROUP/memory.max
  else
    CGROUP=/sys/fs/cgroup/memory/bench-peak-api; mkdir -p $CGROUP; echo "$API_MEMORY_LIMIT" > $CGROUP/memory.limit_in_bytes
  fi || { echo "no memory cgroup to limit the Api with" >&2; exit 1; }
fi
if [ "$MODE" = postgres ]; then
  su postgres -c "$BIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$BIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p 55511 -k $PGDIR -c listen_addresses=127.0.0.1 ${PG_ARGS:-}' start" >/dev/null
  psql -h 127.0.0.1 -p 55511 -U postgres -c "create database bench" >/dev/null
fi
PG="Host=127.0.0.1;Port=55511;Username=postgres;Database=bench"
(cd src/Api && { [ -z "$CGROUP" ] || echo $BASHPID > $CGROUP/cgroup.procs; } && exec env ${API_ENV:-} ASPNETCORE_ENVIRONMENT=Development dotnet bin/Release/net10.0/Api.dll --urls http://127.0.0.1:5091 \
  --Storage=$MODE --ConnectionStrings:Postgres="$PG" --Orleans:SiloPort=11132 --Orleans:GatewayPort=30032 \
  --Simulation:Enabled=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000 \
  --Orleans:Dashboard=false ${API_ARGS:-} > /tmp/peak-api.log 2>&1) &
for i in $(seq 1 90); do curl -sf http://127.0.0.1:5091/readyz >/dev/null && break; sleep 1; done
API=$(pgrep -f "urls http://127.0.0.1:5091" | head -1)
drill() { dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll --url http://127.0.0.1:5091 --api-pid "$API" "$@"; }
echo "== warm-up"; drill --events 5000 --concurrency 64 --cleanup true 2>&1 | grep -E "^drill:|cleanup|erased" | tail -2
if [ -n "${GCDUMP_AT:-}" ]; then
  (sleep "$GCDUMP_AT"; ~/.dotnet/tools/dotnet-gcdump collect -p "$API" -o /tmp/peak-$MODE-$EVENTS.gcdump >/dev/null \
    && ~/.dotnet/tools/dotnet-gcdump report /tmp/peak-$MODE-$EVENTS.gcdump | head -40 > /tmp/peak-$MODE-$EVENTS.gcdump.txt) &
fi
echo "== $MODE, $EVENTS events, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), memory limit ${API_MEMORY_LIMIT:-none}, Api ${API_ENV:-} ${API_ARGS:-defaults}, PostgreSQL ${PG_ARGS:-defaults}"
drill --events "$EVENTS" --concurrency "${LANES:-64}" --dashboards "${DASHBOARDS:-4}" ${DRILL_ARGS:-} 2>&1 | tee /tmp/peak-drill.log | tail -${TAIL:-25}
echo "Api VmHWM: $(grep VmHWM /proc/$API/status)"
if [ -n "${ERASE:-}" ]; then
  DRILL_ID=$(grep -oP "census of drill \K[^: ]+" /tmp/peak-drill.log)
  TOKEN=$(curl -sf -H 'content-type: application/json' -d '{"role":"city"}' http://127.0.0.1:5091/api/auth/dev-token | grep -oP '"token":"\K[^"]+')
  echo "== erasing drill $DRILL_ID"
  curl -s -o /tmp/peak-erase.json -w "DELETE /api/drills/$DRILL_ID: %{http_code} in %{time_total} s\n" -X DELETE \
    -H "authorization: Bearer $TOKEN" "http://127.0.0.1:5091/api/drills/$DRILL_ID"; cat /tmp/peak-erase.json; echo
  echo "Api after erasing: $(grep VmRSS /proc/$API/status)"
fi
kill "$API"; wait "$API" 2>/dev/null
if [ "$MODE" = postgres ]; then su postgres -c "$BIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null; fi
rm -rf "$PGDIR"
[ -z "$CGROUP" ] || rmdir "$CGROUP"
