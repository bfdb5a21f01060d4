#!/usr/bin/env bash
# Webhook benchmark (issue 9): builds both WARs, then one bench JVM starts an S3Proxy (Spaces) and
# Payara Micro with the product and the sandbox on 127.0.0.1, and measures (a) webhook receipt at a
# fixed rate beside a trivial JAX-RS endpoint on the same server and (b) a 1,000-product bulk edit
# (snapshot PUTs, Admin API cost against fetching those products once by id); on request (issue 26)
# a capacity sweep of both endpoints and a burst of 10,000 deliveries. Prints the figures
# and whether each target is met (exit status 1 if not). Stops by itself (every wait is bounded);
# Payara (and PostgreSQL, if started) is always stopped. About 4 minutes.
# Usage: bench/webhooks.sh                                   (500 requests/s for 30 s)
#        BENCH_RATE=800 BENCH_SECONDS=20 bench/webhooks.sh
#        BENCH_PARTS=receipt bench/webhooks.sh                (or bulk: one part only)
#        BENCH_PARTS=large bench/webhooks.sh                  (two 10,000-product stores, 1,000 stock changes each at once; about 6 minutes)
#        BENCH_PAYARA=7 bench/webhooks.sh                     (the server on Payara Micro 7.2026.11 and Temurin 25; 6.2025.10 by default)
#        BENCH_PARTS=sweep bench/webhooks.sh                  (capacity sweep: trivial endpoint and webhook, 250 to 2000
#                                                              requests/s in steps of 250, 15 s each, alternating in 3 s slices)
#        BENCH_PARTS=sweep BENCH_SWEEP_RATES=500,1000 BENCH_SWEEP_SECONDS=10 BENCH_SWEEP_SLICE_SECONDS=5 BENCH_SWEEP_WARMUP_SECONDS=10 bench/webhooks.sh
#        BENCH_PARTS=sweep BENCH_DATABASE=postgresql bench/webhooks.sh
#                                                             (the server on a throwaway PostgreSQL, .ci/postgres.sh; H2 by default)
#        BENCH_PARTS=burst bench/webhooks.sh                  (10,000 deliveries at once over 16 connections)
#        BENCH_SERVER_OPTS="-XX:StartFlightRecording=filename=/tmp/server.jfr" bench/webhooks.sh
#                                                             (the server's extra JVM options; default -XX:TieredStopAtLevel=4, the full JIT)
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-webhook-bench.XXXXXX")
# BENCH_KEEP=1 keeps the work directory (the server's log) for a look afterwards.
trap '[[ -n "${BENCH_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# -Denforcer.skip: this bench chooses the server's JDK itself (below); the build may run on JDK 17.
mvnq() { mvn -B -o -q -Denforcer.skip=true "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
# BENCH_PAYARA=7: the server on Payara Micro 7 with the Java 21+ JDK in BENCH_SERVER_JAVA_HOME.
case "${BENCH_PAYARA:-6}" in
    6) PAYARA_VERSION=6.2025.10; SERVER_JAVA_HOME=${BENCH_SERVER_JAVA_HOME:-$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')} ;;
    7) PAYARA_VERSION=7.2026.11; SERVER_JAVA_HOME=${BENCH_SERVER_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ;;
    *) echo "BENCH_PAYARA is 6 or 7" >&2; exit 2 ;;
esac
PAYARA_JAR=~/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar
[[ -s $PAYARA_JAR ]] || mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION
echo "== server: Payara Micro $PAYARA_VERSION on $("$SERVER_JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# BENCH_DATABASE=postgresql: the server on a throwaway PostgreSQL (as bench/dashboard.sh), with this driver.
DATABASE_OPTIONS=(-Dbench.database="${BENCH_DATABASE:-h2}")
case "${BENCH_DATABASE:-h2}" in
    h2) ;;
    postgresql) POSTGRESQL_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar)
                DATABASE_OPTIONS+=(-Dit.postgresql.jar="$POSTGRESQL_JAR") ;;
    *) echo "BENCH_DATABASE is h2 or postgresql" >&2; exit 2 ;;
esac

timeout 1800 java -Xmx512m -Dpayara.micro.jar="$PAYARA_JAR" -Dpayara.micro.java="$SERVER_JAVA_HOME" -Dit.sandbox.war=sandbox/target/sandbox.war \
    -Dbench.distinct="${BENCH_DISTINCT:-100000}" -Dbench.rate="${BENCH_RATE:-500}" -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.parts="${BENCH_PARTS:-receipt,bulk}" \
    -Dbench.sweep.rates="${BENCH_SWEEP_RATES:-250,500,750,1000,1250,1500,1750,2000}" -Dbench.sweep.seconds="${BENCH_SWEEP_SECONDS:-15}" -Dbench.sweep.slice.seconds="${BENCH_SWEEP_SLICE_SECONDS:-3}" -Dbench.sweep.warmup.seconds="${BENCH_SWEEP_WARMUP_SECONDS:-30}" "${DATABASE_OPTIONS[@]}" \
    -Dpayara.micro.jvm.options="${BENCH_SERVER_OPTS:--XX:TieredStopAtLevel=4}" \
    -Djava.util.logging.config.file=bench/logging.properties \
    -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
    dev.salesbot.bench.WebhookBench "$WORK"
