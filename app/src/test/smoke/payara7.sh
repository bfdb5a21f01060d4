#!/usr/bin/env bash
# Payara Micro 7 smoke test, part of the README's test command (mvn verify runs it after the Payara
# Micro 6 integration tests, with the WAR just built and the runtime Maven copied from the local
# repository): runs the WAR at / and the sandbox at /sandbox on Payara Micro 7 (Jakarta EE 11),
# started as the run command starts Payara Micro 6 (payara-config/pre-boot-commands.asadmin, its
# database moved to a fresh data directory; loopback only), and runs the flows of flows.sh.
#
# By hand:  app/src/test/smoke/payara7.sh   (builds the WAR and fetches the runtime itself;
# MVN="mvn -B -o" once it is in ~/.m2). PAYARA7_WAR, PAYARA7_JAR and SANDBOX_WAR name a WAR and a
# runtime already there (the Maven build sets them).
#
# Needs: a JDK 21 or newer for Payara 7 (PAYARA7_JAVA_HOME, or the newest under /usr/lib/jvm),
# curl, openssl. Prints PASS/FAIL per check and exits non-zero if any check failed. Never prints a
# token or a password: the token check only counts matches.
set -uo pipefail

PAYARA7_VERSION=${PAYARA7_VERSION:-7.2026.11}
MVN=${MVN:-mvn -B}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}   # seconds until the app must answer GET /
CURL_TIMEOUT=${CURL_TIMEOUT:-120}   # seconds per request (the first catalog fetch takes ~15 s)

cd "$(dirname "$0")/../../../.." || exit 2
ROOT=$PWD
WORK=${PAYARA7_WORK:-$ROOT/target/payara7-smoke}
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

# --- 1. A JDK for Payara 7, the runtime, the WARs -------------------------------------------------
JDK=${PAYARA7_JAVA_HOME:-}
if [ -z "$JDK" ]; then
    best=0
    for candidate in /usr/lib/jvm/*; do
        major=$(java_major "$candidate" 2>/dev/null)
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best" ]; then JDK=$candidate; best=$major; fi
    done
fi
[ -n "$JDK" ] && [ "$(java_major "$JDK")" -ge 21 ] 2>/dev/null \
    || die "Payara 7 needs a JDK 21 or newer: none under /usr/lib/jvm; set PAYARA7_JAVA_HOME (or -Dpayara7.smoke.skip=true to leave this test out)"

mkdir -p "$WORK"
WAR=${PAYARA7_WAR:-}
if [ -z "$WAR" ]; then
    echo "INFO  building the WAR"
    $MVN -q package -DskipTests >"$WORK/build.log" 2>&1 || die "mvn package (see $WORK/build.log)"
    WAR=app/target/salesbot-sync.war
fi
JAR=${PAYARA7_JAR:-$WORK/payara-micro-$PAYARA7_VERSION.jar}
if [ ! -s "$JAR" ]; then
    echo "INFO  fetching fish.payara.extras:payara-micro:$PAYARA7_VERSION (~100 MB)"
    $MVN -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA7_VERSION" \
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
DATA=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-payara7-data.XXXXXX")
export_local_settings "$PORT" "$DATA"
sed "s|jdbc:h2:./data/db/salesbot;|jdbc:h2:$DATA/db/salesbot;|" payara-config/pre-boot-commands.asadmin >"$RUN/pre-boot.asadmin"
grep -q "jdbc:h2:$DATA/db/salesbot;" "$RUN/pre-boot.asadmin" || die "payara-config/pre-boot-commands.asadmin no longer names ./data/db/salesbot"

echo "INFO  starting Payara Micro $PAYARA7_VERSION on $("$JDK/bin/java" -version 2>&1 | head -1), 127.0.0.1:$PORT, DATA_DIR=$DATA"
# As the run command's javaCommandLineOptions and commandLineOptions (app/pom.xml); the sandbox first.
setsid "$JDK/bin/java" -Xmx512m -Dhazelcast.phone.home.enabled=false -Dh2.bindAddress=127.0.0.1 -Djava.io.tmpdir="$RUN/tmp" \
    -jar "$JAR" --deploy "$RUN/sandbox.war" --deploy "$RUN/ROOT.war" --nocluster --disablephonehome --port "$PORT" \
    --prebootcommandfile "$RUN/pre-boot.asadmin" >"$WORK/console.log" 2>&1 &
PID=$!

await_boot "$BOOT_TIMEOUT" "$PID"; ready=$?
check "Payara Micro $PAYARA7_VERSION boots and deploys ROOT.war within ${BOOT_TIMEOUT} s" "$ready" "see $WORK/console.log"
[ "$ready" = 0 ] || exit 1

# --- 3. The flows -------------------------------------------------------------------------------------
HEALTH=$B                              # Payara answers health at the server's root
SERVER_LOG=$WORK/console.log
CONSOLE_LOG=$WORK/console.log
ERROR_PATTERN='\[SEVERE\]'
run_flows
