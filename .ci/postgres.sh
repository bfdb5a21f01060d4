#!/usr/bin/env bash
# A throwaway PostgreSQL for the cluster test (ClusterIT), from Debian's `postgresql` package:
# its own data directory, bound to 127.0.0.1 only (no Unix socket outside that directory), a
# password-protected role, stopped by the caller at the end.
#
#   .ci/postgres.sh start DIR PORT PASSWORD   # initdb DIR (fresh), start, create database salesbot
#   .ci/postgres.sh stop DIR                  # fast shutdown; exits 0 when nothing runs
#   .ci/postgres.sh dump PORT PASSWORD        # database salesbot as SQL (INSERTs, no owners), on stdout
#
# Run as root (CI), the server runs as the `postgres` user the package creates (PostgreSQL
# refuses to run as root): DIR is then created for that user, and its parents must be
# traversable by it.
set -euo pipefail

bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ]; then bin="$candidate"; break; fi
done
if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql (Debian), or run .ci/run, which installs it" >&2
    exit 3
fi

as_server() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:?start|stop}
dir=$(realpath -m "${2:?data directory or port}")
# The server's user may not be allowed into the caller's directory (a root-only clone in CI).
cd /
case "$command" in
start)
    port=${3:?port}
    password=${4:?password}
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    pwfile="$dir.pw"
    (umask 077; printf '%s\n' "$password" > "$pwfile")
    if [ "$(id -u)" = 0 ]; then chown postgres: "$pwfile"; fi
    as_server "$bin/initdb" -D "$dir/data" -U salesbot --pwfile="$pwfile" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || { cat "$dir.initdb.log" >&2; exit 1; }
    rm -f "$pwfile"
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/data -c max_connections=200 -c fsync=off" start >/dev/null
    PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U salesbot -d postgres -q -v ON_ERROR_STOP=1 \
        -c "create database salesbot"
    echo "jdbc:postgresql://127.0.0.1:$port/salesbot"
    ;;
dump)
    port=${2:?port}
    PGPASSWORD="${3:?password}" "$bin/pg_dump" -h 127.0.0.1 -p "$port" -U salesbot --inserts --no-owner \
        --no-privileges --no-comments salesbot
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
    ;;
*)
    echo "usage: $0 start DIR PORT PASSWORD | stop DIR | dump PORT PASSWORD" >&2
    exit 2
    ;;
esac
