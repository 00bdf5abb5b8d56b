#!/usr/bin/env bash
# Where a case's CPU goes (docs/BENCHMARKS.md): one Release Api on a fresh PostgreSQL with default settings plus
# pg_stat_statements, warmed, then one measured 10,000-case round of the whole loop with the CPU time of the Api,
# of PostgreSQL and of the drill taken from /proc over 10 s of it, the statements' totals and the tables' update
# counts (in place or not). MODE=memory profiles memory storage the same way (PostgreSQL then sits idle);
# APIDIR=<folder with bin/Release/net10.0/Api.dll> profiles another build; LANES=256 for more lanes. Run as root
# after `dotnet build -c Release src/Api && dotnet build -c Release src/LoadTest`; stops what it started.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=${MODE:-postgres}
APIDIR=${APIDIR:-$ROOT/src/Api}
PGDIR=$(mktemp -d /tmp/profile-pg.XXXX); chown postgres "$PGDIR"
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
su postgres -c "$BIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$BIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p 55501 -k $PGDIR -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements' start" >/dev/null
sql() { psql -h 127.0.0.1 -p 55501 -U postgres -d bench "$@"; }
psql -h 127.0.0.1 -p 55501 -U postgres -c "create database bench" >/dev/null
sql -c "create extension pg_stat_statements" >/dev/null
PG="Host=127.0.0.1;Port=55501;Username=postgres;Database=bench"
common="--Simulation:Enabled=false --Dispatch:Auto=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000 --Orleans:Dashboard=false"
(cd "$APIDIR" && ASPNETCORE_ENVIRONMENT=Development exec dotnet bin/Release/net10.0/Api.dll --urls http://127.0.0.1:5085 \
  --Storage=$MODE --ConnectionStrings:Postgres="$PG" --Orleans:SiloPort=11125 --Orleans:GatewayPort=30025 $common > /tmp/profile-api.log 2>&1) &
for i in $(seq 1 90); do curl -sf http://127.0.0.1:5085/readyz >/dev/null && break; sleep 1; done
API=$(pgrep -f "urls http://127.0.0.1:5085" | head -1)
drill() { dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll --url http://127.0.0.1:5085 --events $1 --concurrency ${LANES:-64} 2>&1 | tail -1; }
echo "== warm"; drill 5000; drill 5000
sql -c "select pg_stat_statements_reset()" >/dev/null
sql -c "select pg_stat_reset()" >/dev/null
# utime + stime of the processes, in clock ticks (100 a second)
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $t; }
echo "== measured round"
drill 10000 &
DRILL=$!
sleep 3
LOADTEST=$(pgrep -f "LoadTest.dll --url http://127.0.0.1:5085" | head -1)
a0=$(ticks $API); p0=$(ticks $(pgrep -u postgres postgres)); d0=$(ticks $LOADTEST)
sleep 10
a1=$(ticks $API); p1=$(ticks $(pgrep -u postgres postgres)); d1=$(ticks $LOADTEST)
echo "cores over 10 s of the loop: api $(echo "scale=2; ($a1-$a0)/1000" | bc) postgres $(echo "scale=2; ($p1-$p0)/1000" | bc) drill $(echo "scale=2; ($d1-$d0)/1000" | bc)"
wait $DRILL
sql -c "select calls, round(total_exec_time::numeric) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms, rows,
               left(regexp_replace(query, '\s+', ' ', 'g'), 90) as statement
        from pg_stat_statements order by total_exec_time desc limit 8"
sql -c "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables
        where n_tup_ins + n_tup_upd + n_tup_del > 0 order by relname"
kill $API; wait
su postgres -c "$BIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null; rm -rf "$PGDIR"
