#!/usr/bin/env bash
# The soak's view of its PostgreSQL (docs/RELIABILITY.md), run in the background by scripts/soak.sh until it is
# killed. It answers "is the database why latency grows?" with the server's own counters, written as CSV in OUT:
#   database.csv    every 10 s: size, buffer hits and reads, checkpoints and what they wrote, WAL and its full-page
#                   images, dead rows and autovacuum runs (cumulative counters: compare differences, not values)
#   waits.csv       every 1 s: what each busy connection waits on (CPU when nothing)
#   statements.csv  every 5 min: pg_stat_statements' cumulative calls and time per statement
#   relations.csv   every 5 min: each table's and index's size
#   cpu.csv         every 10 s: the machine's busy CPU time and the Api's, in clock ticks (cumulative), so what
#                   the rest (PostgreSQL, the driver) takes is their difference
# The server needs shared_preload_libraries=pg_stat_statements, track_io_timing and track_wal_io_timing (soak.sh
# starts it so); without them the timing columns stay 0 and statements.csv stays empty.
#
#   bash scripts/soak-database.sh PORT DATABASE OUT [API_PID]
set -uo pipefail
PORT=$1 DATABASE=$2 OUT=$3 API_PID=${4:-}
query() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$DATABASE" -XAtq -F, -c "$1" 2>/dev/null; }

query "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null

echo "time,database_bytes,blks_read,blks_hit,xact_commit,blk_read_ms,blk_write_ms,checkpoints_timed,checkpoints_req,\
checkpoint_write_ms,checkpoint_sync_ms,buffers_checkpoint,buffers_clean,buffers_backend,buffers_backend_fsync,\
wal_records,wal_fpi,wal_bytes,wal_write,wal_sync,wal_write_ms,wal_sync_ms,dead_rows,autovacuums,autoanalyzes,\
autovacuum_workers" > "$OUT/database.csv"
echo "time,wait_type,wait_event,connections" > "$OUT/waits.csv"
echo "time,queryid,calls,total_ms,rows,query" > "$OUT/statements.csv"
echo "time,relation,kind,bytes" > "$OUT/relations.csv"
echo "time,machine_busy_ticks,api_ticks" > "$OUT/cpu.csv"

cpu() { # user+nice+system+irq+softirq+steal of the machine; utime+stime of the Api
  local machine api=""
  machine=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat)
  [ -n "$API_PID" ] && api=$(awk '{print $14+$15}' "/proc/$API_PID/stat" 2>/dev/null)
  echo "$(date +%s),$machine,$api"
}

COUNTERS="
SELECT extract(epoch FROM now())::bigint, pg_database_size(current_database()),
       d.blks_read, d.blks_hit, d.xact_commit, round(d.blk_read_time), round(d.blk_write_time),
       b.checkpoints_timed, b.checkpoints_req, round(b.checkpoint_write_time), round(b.checkpoint_sync_time),
       b.buffers_checkpoint, b.buffers_clean, b.buffers_backend, b.buffers_backend_fsync,
       w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_write, w.wal_sync, round(w.wal_write_time), round(w.wal_sync_time),
       (SELECT sum(n_dead_tup) FROM pg_stat_user_tables), (SELECT sum(autovacuum_count) FROM pg_stat_user_tables),
       (SELECT sum(autoanalyze_count) FROM pg_stat_user_tables),
       (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker')
FROM pg_stat_database d, pg_stat_bgwriter b, pg_stat_wal w WHERE d.datname = current_database()"
WAITS="
SELECT extract(epoch FROM now())::bigint, coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*)
FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()
GROUP BY 2, 3"
STATEMENTS="
SELECT extract(epoch FROM now())::bigint, queryid, calls, round(total_exec_time::numeric, 1), rows,
       '\"' || replace(left(regexp_replace(query, '\s+', ' ', 'g'), 160), '\"', '''') || '\"'
FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
RELATIONS="
SELECT extract(epoch FROM now())::bigint, c.relname, c.relkind, pg_relation_size(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"

second=0
while true; do
  query "$WAITS" >> "$OUT/waits.csv"
  if (( second % 10 == 0 )); then query "$COUNTERS" >> "$OUT/database.csv"; cpu >> "$OUT/cpu.csv"; fi
  if (( second % 300 == 0 )); then
    query "$STATEMENTS" >> "$OUT/statements.csv"
    query "$RELATIONS" >> "$OUT/relations.csv"
  fi
  second=$((second + 1))
  sleep 1
done
