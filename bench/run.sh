#!/usr/bin/env bash
# Catalog-sync benchmark: builds the WAR, starts it on Payara Micro as the sandbox Shopify (on
# 127.0.0.1 only), runs the product's full sync of 1,000 and 10,000 products in a bench JVM capped
# at -Xmx256m, prints a table. Stops by itself; Payara is always stopped on exit.
# Usage: bench/run.sh            (from anywhere; about 8 minutes)
#        BENCH_SIZES="10000" bench/run.sh   (one size only; sizes: 1000, 10000)
set -euo pipefail

source "$(dirname "$0")/sandbox-server.sh"

# size bucket restore: 1,000 at Shopify's standard rate, 10,000 at Plus rate (20,000 points, 1,000/s).
declare -A RUNS=([1000]="2000 100" [10000]="20000 1000")
RESULTS="$WORK/results.tsv"
status=0
for size in ${BENCH_SIZES:-1000 10000}; do
    read -r bucket restore <<< "${RUNS[$size]}"
    echo "== sync $size products (bucket $bucket, restore $restore/s)"
    if ! timeout 900 java -Xmx256m -Dbench.clientId=sandbox-shopify-app -Dbench.clientSecret="$SECRET" \
        -Djava.util.logging.config.file="$ROOT/bench/logging.properties" \
        -cp "app/target/test-classes:app/target/classes:$(cat "$WORK/classpath")" \
        dev.salesbot.bench.CatalogSyncBench "$BASE" "bench-$size.myshopify.com" "$size" "$bucket" "$restore" "$RESULTS"; then
        printf '%s\t-\t%s\t%s\tFAILED (see above)\n' "$size" "$bucket" "$restore" >> "$RESULTS"
        status=1
    fi
done

echo
echo "== results (lower bound = (actual cost − bucket) ÷ restore rate; ratio = elapsed ÷ lower bound)"
{ echo -e "products\tvariants\tbucket\trestore/s\telapsed s\trequested cost\tactual cost\tlower bound s\tratio\trequests\tTHROTTLED\tpeak heap MB\tpool-peak sum MB\tlive heap MB\tGCs\tsnapshot MB"
  cat "$RESULTS"; } | column -t -s $'\t'
exit $status
