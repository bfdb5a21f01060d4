#!/usr/bin/env bash
# Start-to-ready of the run command's server: the product and the sandbox on Payara Micro with the
# run command's own options, pre-boot file and settings (payara-config/), in a scratch folder whose
# ./data plays the project's. Three cases, ROUNDS starts each (default 3), each timed from the
# JVM's launch to the first 200 from /health/ready (readiness includes the schema migrated and
# the token key checked):
#   empty     no ./data: the migrations create the schema;
#   restart   the ./data the first case left: nothing to migrate (the everyday start);
#   upgrade   a ./data/db as release 0.1.0 left it (the upgrade test's captured H2 script, a store
#             and three Pages connected): migrated in place at the first start (only that start
#             is timed: later ones are restarts).
# With STARTUP_BASELINE set to another checkout whose WARs are built (e.g. release 0.1.0:
# `git worktree add /tmp/v0.1.0 v0.1.0 && (cd /tmp/v0.1.0 && mvn -B -q package -DskipTests)`), its
# WARs are timed too, empty and restart, between this build's starts and with this checkout's
# settings, so the two compare on the same machine at the same moment.
# Prints every start and the median per case. The first start of all warms the OS's file cache and
# is not counted. Talks to 127.0.0.1 only; every server it starts is stopped.
#
#   bench/startup.sh [ROUNDS]
#   STARTUP_BASELINE=/tmp/v0.1.0 bench/startup.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${1:-3}
BASELINE=${STARTUP_BASELINE:-}
if [[ -n "$BASELINE" && ! -f "$BASELINE/app/target/salesbot-sync.war" ]]; then
    echo "STARTUP_BASELINE=$BASELINE has no app/target/salesbot-sync.war: build it first"; exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-startup.XXXXXX")
PID=""

stop() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$PID" 2>/dev/null || true
    fi
    PID=""
}
cleanup() { stop; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== build"
mvn -B -o -q package -DskipTests 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'
VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/"$VERSION"/payara-micro-"$VERSION".jar)
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# start CASE DIR PROPERTIES [CHECKOUT]: one start in DIR of CHECKOUT's WARs (default this one),
# prints "CASE seconds", leaves it running.
start() {
    local case=$1 dir=$2 props=$3 wars=${4:-$ROOT}
    mkdir -p "$dir/tmp"
    local began ready=""
    began=$(date +%s.%N)
    # The run command's runtime (payara.version, Payara Micro 7) on the build's JDK, which must be 21 or newer.
    (cd "$dir" && exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dhazelcast.phone.home.enabled=false -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS -Dh2.bindAddress=127.0.0.1 -Djava.io.tmpdir="$dir/tmp" \
        -jar "$PAYARA_JAR" --deploy "$wars/app/target/salesbot-sync.war" --contextroot / \
        --deploy "$wars/sandbox/target/sandbox.war" --nocluster --disablephonehome --port "$PORT" \
        --systemProperties "$props" --prebootcommandfile "$ROOT/payara-config/pre-boot-commands.asadmin" \
        > "$dir/payara.log" 2>&1) &
    PID=$!
    for _ in $(seq 1 1200); do
        kill -0 "$PID" 2>/dev/null || { tail -30 "$dir/payara.log"; echo "Payara Micro died"; exit 1; }
        if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/health/ready"; then ready=yes; break; fi
        sleep 0.1
    done
    [[ -n "$ready" ]] || { tail -30 "$dir/payara.log"; echo "not ready in 120 s"; exit 1; }
    python3 -c "import sys; print(f'{sys.argv[1]:16} {float(sys.argv[3]) - float(sys.argv[2]):6.1f} s')" "$case" "$began" "$(date +%s.%N)" \
        | tee -a "$WORK/times"
}

LOCAL="$ROOT/payara-config/local.properties"
# The upgrade case's tokens were sealed under the capture's own key: the server must have it.
UPGRADE="$WORK/upgrade.properties"
cat "$LOCAL" > "$UPGRADE"
grep '^TOKEN_ENCRYPTION_KEY=' app/src/test/resources/upgrade/0.1.0/capture.properties | sed 's/\\=/=/g' >> "$UPGRADE"

echo "== warm-up start (not counted)"
start warm-up "$WORK/warm" "$LOCAL" > /dev/null; stop
: > "$WORK/times"

echo "== $ROUNDS starts per case, launch to /health/ready 200"
for round in $(seq 1 "$ROUNDS"); do
    rm -rf "$WORK/run"; mkdir -p "$WORK/run"
    start empty "$WORK/run" "$LOCAL"; stop
    start restart "$WORK/run" "$LOCAL"; stop
    rm -rf "$WORK/old"; mkdir -p "$WORK/old/data/db"
    java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:$WORK/old/data/db/salesbot" -user "" \
        -script app/src/test/resources/upgrade/0.1.0/h2.sql
    start upgrade "$WORK/old" "$UPGRADE"
    # Proof the case is what it says: 0.1.0's sealed tokens are there and open.
    curl -fs "http://127.0.0.1:$PORT/health/ready" | python3 -c '
import json, sys
tokens = next(c["data"] for c in json.load(sys.stdin)["checks"] if c["name"] == "tokens")
assert int(tokens["unreadable"]) == 0 and int(tokens["currentKey"]) + int(tokens["olderKeys"]) > 0, tokens'
    stop
    if [[ -n "$BASELINE" ]]; then
        rm -rf "$WORK/base"; mkdir -p "$WORK/base"
        start baseline-empty "$WORK/base" "$LOCAL" "$BASELINE"; stop
        start baseline-restart "$WORK/base" "$LOCAL" "$BASELINE"; stop
    fi
done

echo "== median of $ROUNDS"
python3 - "$WORK/times" <<'PY'
import statistics, sys, collections
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    case, seconds, _ = line.split()
    by[case].append(float(seconds))
for case, values in by.items():
    print(f"{case:16} median {statistics.median(values):5.1f} s   (min {min(values):.1f}, max {max(values):.1f})")
PY
