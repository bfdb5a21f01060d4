#!/usr/bin/env bash
# Parked bulk waits benchmark (issue 24): builds both WARs, then one bench JVM starts Payara Micro
# with the product and the sandbox on 127.0.0.1 (SYNC_CONCURRENCY 2, local storage), connects five
# large stores whose bulk operations the sandbox holds running, and meanwhile sends 20 signed
# products/update deliveries to a small store, one every 3 s, timing each from its delivery to the
# stored snapshot holding it; then lets the operations end and waits for the large snapshots.
# Prints p50/p95/max and whether p95 <= 10 s (exit status 1 if a target is missed). Stops by
# itself (every wait is bounded); Payara is always stopped. About 4 minutes.
# Usage: bench/parked.sh
#        BENCH_LARGE=5 BENCH_PRODUCTS=2000 BENCH_CHANGES=20 BENCH_EVERY=3 bench/parked.sh
#        BENCH_BULK_WAIT=600 bench/parked.sh      (BULK_WAIT_SECONDS: an attempt's wait in its slot)
#        BENCH_KEEP=1 bench/parked.sh              (keep the work directory: the server's log)
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-parked-bench.XXXXXX")
trap '[[ -n "${BENCH_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# -Denforcer.skip: this bench starts Payara Micro 6.2025.10 on the JVM it runs on; the build's JDK 21 check is for Payara 7.
mvnq() { mvn -B -o -q -Denforcer.skip=true "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)

timeout 900 java -Xmx256m -Dpayara.micro.jar="$PAYARA_JAR" -Dit.sandbox.war=sandbox/target/sandbox.war \
    -Dbench.large="${BENCH_LARGE:-5}" -Dbench.products="${BENCH_PRODUCTS:-2000}" -Dbench.changes="${BENCH_CHANGES:-20}" \
    -Dbench.every="${BENCH_EVERY:-3}" -Dbench.bulkWait="${BENCH_BULK_WAIT:-}" \
    -Djava.util.logging.config.file=bench/logging.properties \
    -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
    dev.salesbot.bench.ParkedBench "$WORK"
