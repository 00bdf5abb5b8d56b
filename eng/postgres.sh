#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster of its own: a temporary folder, initdb, pg_ctl, a free port on
# 127.0.0.1. Installs PostgreSQL with apt-get when no server binaries are found.
#
#   source eng/postgres.sh        # exports GRIDACTORS_TEST_POSTGRES, stops and deletes the cluster on exit
#
# The connection string names the `postgres` database; tests create a database of their own in it.

gridactors_pg_bindir() {
  local dir
  for dir in "$(pg_config --bindir 2>/dev/null)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

gridactors_pg_free_port() {
  local port
  for port in $(seq 55432 55632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

gridactors_pg_start() {
  local bindir
  if ! bindir=$(gridactors_pg_bindir); then
    echo "PostgreSQL not found; installing it with apt-get."
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bindir=$(gridactors_pg_bindir) || { echo "PostgreSQL could not be installed." >&2; return 1; }
  fi

  GRIDACTORS_PG_DIR=$(mktemp -d /tmp/gridactors-pg.XXXXXX)
  local port run_as=()
  port=$(gridactors_pg_free_port) || { echo "No free port for PostgreSQL." >&2; return 1; }
  # initdb refuses to run as root: the cluster then belongs to the postgres user that the package creates.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$GRIDACTORS_PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bindir/initdb" -D "$GRIDACTORS_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
    || { echo "initdb failed." >&2; return 1; }
  # A three-silo test and a drill open many pooled connections; durability settings stay at their defaults.
  # GRIDACTORS_PG_MAX_CONNECTIONS=100 gives a server with the default limit, as the drills want;
  # GRIDACTORS_PG_OPTIONS adds server settings (the soak's statistics, for one).
  "${run_as[@]}" "$bindir/pg_ctl" -D "$GRIDACTORS_PG_DIR/data" -l "$GRIDACTORS_PG_DIR/server.log" -w \
    -o "-p $port -k $GRIDACTORS_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=${GRIDACTORS_PG_MAX_CONNECTIONS:-400} ${GRIDACTORS_PG_OPTIONS:-}" start >/dev/null \
    || { cat "$GRIDACTORS_PG_DIR/server.log" >&2; return 1; }

  GRIDACTORS_PG_CTL=("${run_as[@]}" "$bindir/pg_ctl" -D "$GRIDACTORS_PG_DIR/data")
  GRIDACTORS_PG_PORT=$port
  export GRIDACTORS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bindir/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)?' | head -n 1) on port $port ($GRIDACTORS_PG_DIR)."
}

gridactors_pg_stop() {
  if [ -n "${GRIDACTORS_PG_DIR:-}" ]; then
    "${GRIDACTORS_PG_CTL[@]}" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$GRIDACTORS_PG_DIR"
    GRIDACTORS_PG_DIR=
  fi
}
