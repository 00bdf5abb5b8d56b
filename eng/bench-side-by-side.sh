#!/usr/bin/env bash
# Side-by-side drill (docs/BENCHMARKS.md): the same Release Api on a fresh PostgreSQL with default settings and on
# memory storage, warmed, then the event drill alternating between them at 64 and 256 lanes. Run as root after
# `dotnet build -c Release src/Api && dotnet build -c Release src/LoadTest`; stops what it started.
set -u
cd "$(dirname "$0")/.."
PGDIR=$(mktemp -d /tmp/bench-pg.XXXX); chown postgres "$PGDIR"
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
su postgres -c "$BIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$BIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p 55500 -k $PGDIR -c listen_addresses=127.0.0.1' start" >/dev/null
psql -h 127.0.0.1 -p 55500 -U postgres -c "show max_connections" -tA
psql -h 127.0.0.1 -p 55500 -U postgres -c "create database bench" >/dev/null
PG="Host=127.0.0.1;Port=55500;Username=postgres;Database=bench"
cd src/Api
common="--Simulation:Enabled=false --Dispatch:Auto=false --RateLimiting:PermitsPerSecond=1000000 --RateLimiting:Burst=2000000 --Orleans:Dashboard=false"
ASPNETCORE_ENVIRONMENT=Development dotnet bin/Release/net10.0/Api.dll --urls http://127.0.0.1:5081 --Storage=postgres --ConnectionStrings:Postgres="$PG" --Orleans:SiloPort=11121 --Orleans:GatewayPort=30021 $common > /tmp/bench-api-pg.log 2>&1 &
PGAPI=$!
ASPNETCORE_ENVIRONMENT=Development dotnet bin/Release/net10.0/Api.dll --urls http://127.0.0.1:5082 --Orleans:SiloPort=11122 --Orleans:GatewayPort=30022 $common > /tmp/bench-api-mem.log 2>&1 &
MEMAPI=$!
cd ../..
for port in 5081 5082; do for i in $(seq 1 90); do curl -sf http://127.0.0.1:$port/readyz >/dev/null && break; sleep 1; done; done
drill() { dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll --url http://127.0.0.1:$1 --events $2 --concurrency $3 2>&1 | tail -4; }
echo "== warm"; drill 5081 2000 64; drill 5082 2000 64
for round in 1 2; do
  echo "== round $round, 64 lanes: postgres"; drill 5081 10000 64
  echo "== round $round, 64 lanes: memory"; drill 5082 10000 64
done
echo "== 256 lanes: postgres"; drill 5081 10000 256
echo "== 256 lanes: memory"; drill 5082 10000 256
echo "== pg connections now: $(psql -h 127.0.0.1 -p 55500 -U postgres -tA -c 'select count(*) from pg_stat_activity')"
grep -c "53300\|too many clients" /tmp/bench-api-pg.log
kill $PGAPI $MEMAPI; wait
su postgres -c "$BIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null; rm -rf "$PGDIR"
