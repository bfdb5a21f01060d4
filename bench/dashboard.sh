#!/usr/bin/env bash
# Admin console benchmark (issue 23): builds the WAR, starts a throwaway PostgreSQL (.ci/postgres.sh,
# Debian's postgresql package) and Payara Micro on it, both on 127.0.0.1, fills 300 store
# connections and 1,000,000 webhook deliveries, then times 200 calls of GET /admin/api/connections
# with the admin's session. Prints p50/p95/max and whether p95 <= 200 ms (exit status 1 if not).
# Stops by itself (every wait is bounded); Payara and PostgreSQL are always stopped.
# Usage: bench/dashboard.sh
#        BENCH_DELIVERIES=6000000 BENCH_CONNECTIONS=1000 bench/dashboard.sh
set -euo pipefail

cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-dashboard-bench.XXXXXX")
# BENCH_KEEP=1 keeps the work directory (the server's log) for a look afterwards.
trap '[[ -n "${BENCH_KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# -Denforcer.skip: this bench starts Payara Micro 6.2025.10 on the JVM it runs on; the build's JDK 21 check is for Payara 7.
mvnq() { mvn -B -o -q -Denforcer.skip=true "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)
POSTGRESQL_JAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar)

timeout 1800 java -Xmx512m -Dpayara.micro.jar="$PAYARA_JAR" -Dit.postgresql.jar="$POSTGRESQL_JAR" \
    -Dbench.deliveries="${BENCH_DELIVERIES:-1000000}" -Dbench.connections="${BENCH_CONNECTIONS:-300}" \
    -Dbench.requests="${BENCH_REQUESTS:-200}" \
    -Djava.util.logging.config.file=bench/logging.properties \
    -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
    dev.salesbot.bench.DashboardBench "$WORK"
