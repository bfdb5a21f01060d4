#!/usr/bin/env bash
# WildFly 39 smoke test, part of the README's test command (mvn verify runs it after the Payara
# integration tests, with the WAR just built and the distribution Maven copied from the local
# repository): configures a fresh WildFly with wildfly-config/configure.cli, runs the WAR on it
# (loopback only) with the embedded sandbox configuration, and runs the flows of flows.sh.
#
# By hand:  app/src/test/smoke/wildfly.sh   (builds the WAR and fetches the distribution itself;
# MVN="mvn -B -o" once the distribution is in ~/.m2). WILDFLY_WAR, WILDFLY_DIST and SANDBOX_WAR
# name a WAR and a distribution already there (the Maven build sets them).
#
# Needs: JDK 17, curl, tar, openssl. Prints PASS/FAIL per check and exits non-zero if any check
# failed. Never prints a token or a password: the token check only counts matches.
set -uo pipefail

WILDFLY_VERSION=${WILDFLY_VERSION:-39.0.1.Final}
MVN=${MVN:-mvn -B}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}   # seconds until the app must answer GET /
CURL_TIMEOUT=${CURL_TIMEOUT:-120}   # seconds per request (the first catalog fetch takes ~15 s)

cd "$(dirname "$0")/../../../.." || exit 2
ROOT=$PWD
WORK=${WILDFLY_WORK:-$ROOT/target/wildfly-smoke}
WF=$WORK/wildfly-$WILDFLY_VERSION
WF_PID=
# shellcheck source=flows.sh
. "$ROOT/app/src/test/smoke/flows.sh"

stop_wildfly() {
    [ -n "$WF_PID" ] || return 0
    # A clean shutdown first; then the process group we started (setsid made it ours alone).
    timeout 30 "$WF/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MGMT_PORT" --command=:shutdown >/dev/null 2>&1
    for _ in $(seq 30); do kill -0 "$WF_PID" 2>/dev/null || break; sleep 1; done
    if kill -0 "$WF_PID" 2>/dev/null; then
        kill -TERM -- "-$WF_PID" 2>/dev/null; sleep 5; kill -KILL -- "-$WF_PID" 2>/dev/null
    fi
    echo "INFO  WildFly stopped (logs: $WF/standalone/log/server.log)"
}
trap stop_wildfly EXIT
trap 'exit 130' INT TERM

# --- 1. Build, fetch, unpack, configure --------------------------------------------------------
mkdir -p "$WORK"
WAR=${WILDFLY_WAR:-}
if [ -z "$WAR" ]; then
    echo "INFO  building the WAR"
    $MVN -q package -DskipTests >"$WORK/build.log" 2>&1 || die "mvn package (see $WORK/build.log)"
    WAR=app/target/salesbot-sync.war
fi
DIST=${WILDFLY_DIST:-$WORK/wildfly-dist-$WILDFLY_VERSION.tar.gz}
if [ ! -s "$DIST" ]; then
    echo "INFO  fetching org.wildfly:wildfly-dist:$WILDFLY_VERSION (tar.gz, ~259 MB)"
    $MVN -q dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:tar.gz" \
        -DoutputDirectory="$WORK" >"$WORK/fetch.log" 2>&1 || die "download of wildfly-dist (see $WORK/fetch.log)"
fi
rm -rf "$WF" && tar -xzf "$DIST" -C "$WORK" || die "unpacking $DIST"
"$WF/bin/jboss-cli.sh" --file="$ROOT/wildfly-config/configure.cli" >"$WORK/configure.log" 2>&1 \
    || die "wildfly-config/configure.cli (see $WORK/configure.log)"
cp "$WAR" "$WF/standalone/deployments/ROOT.war"
cp "${SANDBOX_WAR:-sandbox/target/sandbox.war}" "$WF/standalone/deployments/sandbox.war"

# A port offset whose HTTP and management ports are both free (another server may hold 8080).
OFFSET=
for candidate in ${PORT_OFFSET:-0 100 200 300 400 500}; do
    if ! listening $((8080 + candidate)) && ! listening $((9990 + candidate)); then OFFSET=$candidate; break; fi
done
[ -n "$OFFSET" ] || die "no free port pair among offsets ${PORT_OFFSET:-0..500}"
HTTP_PORT=$((8080 + OFFSET)); MGMT_PORT=$((9990 + OFFSET))
B=http://127.0.0.1:$HTTP_PORT

# --- 2. The run command's settings, on 127.0.0.1 and a fresh data directory --------------------------
DATA=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-wildfly-data.XXXXXX")
export_local_settings "$HTTP_PORT" "$DATA"

echo "INFO  starting WildFly $WILDFLY_VERSION on 127.0.0.1:$HTTP_PORT (management :$MGMT_PORT), DATA_DIR=$DATA"
setsid "$WF/bin/standalone.sh" -c standalone.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" >"$WORK/console.log" 2>&1 &
WF_PID=$!

await_boot "$BOOT_TIMEOUT" "$WF_PID" "$WF/standalone/deployments/ROOT.war.failed"; ready=$?
check "WildFly boots and deploys ROOT.war within ${BOOT_TIMEOUT} s" "$ready" "see $WORK/console.log"
[ "$ready" = 0 ] || exit 1

# --- 3. The flows ---------------------------------------------------------------------------------
HEALTH=http://127.0.0.1:$MGMT_PORT   # WildFly answers health on the management port
SERVER_LOG=$WF/standalone/log/server.log
CONSOLE_LOG=$WORK/console.log
ERROR_PATTERN=' ERROR '
run_flows
