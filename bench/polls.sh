#!/usr/bin/env bash
# Poll benchmark (issue 11): builds both WARs, then one bench JVM starts an S3Proxy (Spaces) and
# Payara Micro with the product and the sandbox on 127.0.0.1, connects 1,000 sandbox stores and
# runs two poll-now cycles over them: every store unchanged, then a tenth changed silently. Prints
# wall time, Admin API points and requests, HEAD/GET/PUT, the server's peak heap, and whether each
# target is met (exit status 1 if not). Stops by itself (every wait is bounded); Payara is always
# stopped.
# Usage: bench/polls.sh
#        BENCH_STORES=200 BENCH_CONCURRENCY=4 BENCH_BUCKET=2000 bench/polls.sh
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-poll-bench.XXXXXX")
# BENCH_KEEP=1 keeps the work directory (the server's log) for a look afterwards.
trap '[[ -n "${BENCH_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# -Denforcer.skip: this bench starts Payara Micro 6.2025.10 on the JVM it runs on; the build's JDK 21 check is for Payara 7.
mvnq() { mvn -B -o -q -Denforcer.skip=true "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)

timeout 2700 java -Xmx512m -Dpayara.micro.jar="$PAYARA_JAR" -Dit.sandbox.war=sandbox/target/sandbox.war \
    -Dbench.stores="${BENCH_STORES:-1000}" -Dbench.products="${BENCH_PRODUCTS:-10}" \
    -Dbench.bucket="${BENCH_BUCKET:-1000}" -Dbench.restore="${BENCH_RESTORE:-100}" -Dbench.concurrency="${BENCH_CONCURRENCY:-16}" \
    -Djava.util.logging.config.file=bench/logging.properties \
    -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
    dev.salesbot.bench.PollBench "$WORK"
