#!/usr/bin/env bash
# Payara Micro smoke test of a version the integration tests do not use, part of the README's test
# command (mvn verify runs it after the integration tests, with the WAR just built and the runtime
# Maven copied from the local repository): runs the WAR at / and the sandbox at /sandbox on
# Payara Micro $SMOKE_PAYARA_VERSION, started as the run command starts Payara Micro
# (payara-config/pre-boot-commands.asadmin, its database moved to a fresh data directory; loopback
# only), on a JDK that version supports, and runs the flows of flows.sh.
#
# By hand:  app/src/test/smoke/payara-micro.sh   (builds the WAR and fetches the runtime itself;
# MVN="mvn -B -o" once it is in ~/.m2). SMOKE_PAYARA_WAR, SMOKE_PAYARA_JAR and SANDBOX_WAR name a
# WAR and a runtime already there (the Maven build sets them).
#
# Needs: a JDK from SMOKE_JAVA_MIN to SMOKE_JAVA_MAX (SMOKE_JAVA_HOME, or the newest such under
# /usr/lib/jvm), curl, openssl. Prints PASS/FAIL per check and exits non-zero if any check failed.
# Never prints a token or a password: the token check only counts matches.
set -uo pipefail

SMOKE_PAYARA_VERSION=${SMOKE_PAYARA_VERSION:-6.2025.10}
SMOKE_JAVA_MIN=${SMOKE_JAVA_MIN:-17}   # Payara Micro 6 runs on 11, 17 and 21; 7 on 21 and newer
SMOKE_JAVA_MAX=${SMOKE_JAVA_MAX:-21}
MVN=${MVN:-mvn -B}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}   # seconds until the app must answer GET /
CURL_TIMEOUT=${CURL_TIMEOUT:-120}   # seconds per request (the first catalog fetch takes ~15 s)

cd "$(dirname "$0")/../../../.." || exit 2
ROOT=$PWD
WORK=${SMOKE_PAYARA_WORK:-$ROOT/target/payara-smoke}
PID=
# shellcheck source=flows.sh
. "$ROOT/app/src/test/smoke/flows.sh"

stop_payara() {
    [ -n "$PID" ] || return 0
    # The process group we started (setsid made it ours alone): TERM runs Payara's shutdown hook.
    kill -TERM -- "-$PID" 2>/dev/null
    for _ in $(seq 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$PID" 2>/dev/null
    echo "INFO  Payara Micro stopped (log: $WORK/console.log)"
}
trap stop_payara EXIT
trap 'exit 130' INT TERM

# The major version of the java in JDK $1, or nothing.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p'; }

# --- 1. A JDK for this Payara Micro, the runtime, the WARs -----------------------------------------
in_range() { [ -n "$1" ] && [ "$1" -ge "$SMOKE_JAVA_MIN" ] && [ "$1" -le "$SMOKE_JAVA_MAX" ]; }
JDK=${SMOKE_JAVA_HOME:-}
if [ -z "$JDK" ]; then
    best=0
    for candidate in /usr/lib/jvm/*; do
        major=$(java_major "$candidate" 2>/dev/null)
        if in_range "$major" && [ "$major" -gt "$best" ]; then JDK=$candidate; best=$major; fi
    done
fi
[ -n "$JDK" ] && in_range "$(java_major "$JDK" 2>/dev/null)" \
    || die "Payara Micro $SMOKE_PAYARA_VERSION needs a JDK $SMOKE_JAVA_MIN to $SMOKE_JAVA_MAX: none under /usr/lib/jvm; set SMOKE_JAVA_HOME (or -Dpayara.smoke.skip=true to leave this test out)"

mkdir -p "$WORK"
WAR=${SMOKE_PAYARA_WAR:-}
if [ -z "$WAR" ]; then
    echo "INFO  building the WAR"
    $MVN -q package -DskipTests >"$WORK/build.log" 2>&1 || die "mvn package (see $WORK/build.log)"
    WAR=app/target/salesbot-sync.war
fi
JAR=${SMOKE_PAYARA_JAR:-$WORK/payara-micro-$SMOKE_PAYARA_VERSION.jar}
if [ ! -s "$JAR" ]; then
    echo "INFO  fetching fish.payara.extras:payara-micro:$SMOKE_PAYARA_VERSION (~100 MB)"
    $MVN -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$SMOKE_PAYARA_VERSION" \
        -DoutputDirectory="$WORK" >"$WORK/fetch.log" 2>&1 || die "download of payara-micro (see $WORK/fetch.log)"
fi
RUN=$WORK/run
rm -rf "$RUN" && mkdir -p "$RUN/tmp" || die "making $RUN"
cp "$WAR" "$RUN/ROOT.war" && cp "${SANDBOX_WAR:-sandbox/target/sandbox.war}" "$RUN/sandbox.war" || die "copying the WARs"

PORT=
for candidate in ${PORTS:-8280 8380 8480 8580 8680}; do
    if ! listening "$candidate"; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || die "no free port among ${PORTS:-8280..8680}"
B=http://127.0.0.1:$PORT

# --- 2. The run command's settings, on 127.0.0.1 and a fresh data directory -------------------------
DATA=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-payara-smoke-data.XXXXXX")
export_local_settings "$PORT" "$DATA"
sed "s|jdbc:h2:./data/db/salesbot;|jdbc:h2:$DATA/db/salesbot;|" payara-config/pre-boot-commands.asadmin >"$RUN/pre-boot.asadmin"
grep -q "jdbc:h2:$DATA/db/salesbot;" "$RUN/pre-boot.asadmin" || die "payara-config/pre-boot-commands.asadmin no longer names ./data/db/salesbot"

echo "INFO  starting Payara Micro $SMOKE_PAYARA_VERSION on $("$JDK/bin/java" -version 2>&1 | head -1), 127.0.0.1:$PORT, DATA_DIR=$DATA"
# As the run command's javaCommandLineOptions and commandLineOptions (app/pom.xml); the sandbox first.
setsid "$JDK/bin/java" -Xmx512m -Dhazelcast.phone.home.enabled=false -Dh2.bindAddress=127.0.0.1 -Djava.io.tmpdir="$RUN/tmp" \
    -jar "$JAR" --deploy "$RUN/sandbox.war" --deploy "$RUN/ROOT.war" --nocluster --disablephonehome --port "$PORT" \
    --prebootcommandfile "$RUN/pre-boot.asadmin" >"$WORK/console.log" 2>&1 &
PID=$!

await_boot "$BOOT_TIMEOUT" "$PID"; ready=$?
check "Payara Micro $SMOKE_PAYARA_VERSION boots and deploys ROOT.war within ${BOOT_TIMEOUT} s" "$ready" "see $WORK/console.log"
[ "$ready" = 0 ] || exit 1

# --- 3. The flows -------------------------------------------------------------------------------------
HEALTH=$B                              # Payara answers health at the server's root
SERVER_LOG=$WORK/console.log
CONSOLE_LOG=$WORK/console.log
ERROR_PATTERN='\[(.\[[0-9;]*m)?SEVERE(.\[0m)?\]'   # Payara's level field, coloured on a terminal or not
run_flows
