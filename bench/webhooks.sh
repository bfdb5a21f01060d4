#!/usr/bin/env bash
# Webhook benchmark (issue 9): builds both WARs, then one bench JVM starts an S3Proxy (Spaces) and
# Payara Micro with the product and the sandbox on 127.0.0.1, and measures (a) webhook receipt at a
# fixed rate beside a trivial JAX-RS endpoint on the same server and (b) a 1,000-product bulk edit
# (snapshot PUTs, Admin API cost against fetching those products once by id). Prints the figures
# and whether each target is met (exit status 1 if not). Stops by itself (every wait is bounded);
# Payara is always stopped. About 4 minutes.
# Usage: bench/webhooks.sh                                   (500 requests/s for 30 s)
#        BENCH_RATE=800 BENCH_SECONDS=20 bench/webhooks.sh
#        BENCH_PARTS=receipt bench/webhooks.sh                (or bulk: one part only)
#        BENCH_PARTS=large bench/webhooks.sh                  (two 10,000-product stores, 1,000 stock changes each at once; about 6 minutes)
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-webhook-bench.XXXXXX")
# BENCH_KEEP=1 keeps the work directory (the server's log) for a look afterwards.
trap '[[ -n "${BENCH_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

mvnq() { mvn -B -o -q "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)

timeout 900 java -Xmx512m -Dpayara.micro.jar="$PAYARA_JAR" -Dit.sandbox.war=sandbox/target/sandbox.war \
    -Dbench.distinct="${BENCH_DISTINCT:-100000}" -Dbench.rate="${BENCH_RATE:-500}" -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.parts="${BENCH_PARTS:-receipt,bulk}" \
    -Djava.util.logging.config.file=bench/logging.properties \
    -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
    dev.salesbot.bench.WebhookBench "$WORK"
