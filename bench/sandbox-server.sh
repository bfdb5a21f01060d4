# Sourced by run.sh and bulk.sh: builds the WAR and the test classpath, starts Payara Micro with
# the product and the sandbox Shopify on 127.0.0.1 (a random port, a fresh sandbox app secret),
# waits until both answer, and stops it on exit. Sets ROOT, WORK, BASE, SECRET; runs from the
# project's root.
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-bench.XXXXXX")
PAYARA_PID=""

cleanup() {
    if [[ -n "$PAYARA_PID" ]] && kill -0 "$PAYARA_PID" 2>/dev/null; then
        kill "$PAYARA_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$PAYARA_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$PAYARA_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Maven 3.8's quiet mode still prints colour resets; strip them (pipefail keeps its exit status).
# -Denforcer.skip: this bench starts Payara Micro 6.2025.10 on the JVM it runs on; the build's JDK 21 check is for Payara 7.
mvnq() { mvn -B -o -q -Denforcer.skip=true "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'; }

echo "== build"
# One reactor run: the product's test classpath needs the sandbox module packaged in the same
# invocation (app/ is built last, so its classpath is the file's final content).
mvnq package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" \
    -DexcludeArtifactIds=payara-micro
PAYARA_JAR=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# A fresh sandbox app secret per run: nothing here is a real credential.
SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
cat > "$WORK/sandbox.properties" <<PROPS
SANDBOX_ENABLED=true
DATA_DIR=$WORK/data
SHOPIFY_API_KEY=sandbox-shopify-app
SHOPIFY_API_SECRET=$SECRET
SANDBOX_SHOPIFY_API_KEY=sandbox-shopify-app
SANDBOX_SHOPIFY_API_SECRET=$SECRET
SHOPIFY_REDIRECT_URI=$BASE/shopify/callback
SHOPIFY_SHOP_BASE_URL=$BASE/sandbox/shopify/{shop}
BULK_RESULT_ADDRESSES=$BASE/sandbox/shopify-bulk-results/
STATE_TOKEN_SECRET=$(head -c 32 /dev/urandom | base64)
TOKEN_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
FACEBOOK_APP_ID=1000000000000001
FACEBOOK_APP_SECRET=sandbox-facebook-app-secret
FACEBOOK_REDIRECT_URI=$BASE/facebook/callback
FACEBOOK_GRAPH_BASE_URL=$BASE/sandbox/facebook/graph
FACEBOOK_DIALOG_BASE_URL=$BASE/sandbox/facebook/www
PROPS
printf '%s\n' "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
    "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false" > "$WORK/pre-boot.asadmin"

echo "== start Payara Micro (sandbox Shopify) on $BASE, log: $WORK/payara.log"
mkdir -p "$WORK/tmp"
java -Dhazelcast.phone.home.enabled=false -Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS -Dh2.bindAddress=127.0.0.1 -Djava.io.tmpdir="$WORK/tmp" -jar "$PAYARA_JAR" \
    --deploy app/target/salesbot-sync.war --contextroot / --deploy sandbox/target/sandbox.war --nocluster --disablephonehome --port "$PORT" \
    --systemProperties "$WORK/sandbox.properties" --prebootcommandfile "$WORK/pre-boot.asadmin" \
    > "$WORK/payara.log" 2>&1 &
PAYARA_PID=$!
ready=""
for _ in $(seq 1 120); do
    kill -0 "$PAYARA_PID" 2>/dev/null || { tail -40 "$WORK/payara.log"; echo "Payara Micro died"; exit 1; }
    # The sandbox too: Payara Micro serves the root WAR before it has registered the others.
    if curl -fs -o /dev/null --max-time 2 "$BASE/health/ready" && curl -fs -o /dev/null --max-time 2 "$BASE/sandbox/_bench/ok"; then
        ready=yes; break
    fi
    sleep 1
done
[[ -n "$ready" ]] || { tail -40 "$WORK/payara.log"; echo "Payara Micro not ready in 120 s"; exit 1; }

