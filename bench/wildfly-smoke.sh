#!/usr/bin/env bash
# WildFly 39 smoke test: builds the WAR, runs it on a fresh WildFly (loopback only) with the
# embedded sandbox configuration, and drives both connect flows with curl. Not run by CI (it
# downloads a 259 MB distribution); run it by hand:  bench/wildfly-smoke.sh
#
# Needs: JDK 17, Maven with access to Maven Central (MVN="mvn -B -o" once the dist is in ~/.m2),
# curl, tar. Prints PASS/FAIL per check and exits non-zero if any check failed.
# Never prints a token: the token check only counts matches.
set -uo pipefail

WILDFLY_VERSION=${WILDFLY_VERSION:-39.0.1.Final}
MVN=${MVN:-mvn -B}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-180}   # seconds until the app must answer GET /
CURL_TIMEOUT=${CURL_TIMEOUT:-120}   # seconds per request (the first catalog fetch takes ~15 s)

cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
WORK=$ROOT/target/wildfly-smoke
WF=$WORK/wildfly-$WILDFLY_VERSION
WF_PID=
FAILED=0

pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1${2:+ — $2}"; FAILED=$((FAILED + 1)); }
check() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "${3:-}"; fi; }
die() { echo "FAIL  $1"; exit 1; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

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

# --- 1. Build, fetch, unpack ------------------------------------------------------------------
mkdir -p "$WORK"
echo "INFO  building the WAR"
$MVN -q package -DskipTests >"$WORK/build.log" 2>&1 || die "mvn package (see $WORK/build.log)"
DIST=$WORK/wildfly-dist-$WILDFLY_VERSION.tar.gz
if [ ! -s "$DIST" ]; then
    echo "INFO  fetching org.wildfly:wildfly-dist:$WILDFLY_VERSION (tar.gz, ~259 MB)"
    $MVN -q dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:tar.gz" \
        -DoutputDirectory="$WORK" >"$WORK/fetch.log" 2>&1 || die "download of wildfly-dist (see $WORK/fetch.log)"
fi
rm -rf "$WF" && tar -xzf "$DIST" -C "$WORK" || die "unpacking $DIST"
cp app/target/salesbot-sync.war "$WF/standalone/deployments/ROOT.war"
cp sandbox/target/sandbox.war "$WF/standalone/deployments/sandbox.war"

# A port offset whose HTTP and management ports are both free (another server may hold 8080).
OFFSET=
for candidate in ${PORT_OFFSET:-0 100 200 300 400 500}; do
    if ! listening $((8080 + candidate)) && ! listening $((9990 + candidate)); then OFFSET=$candidate; break; fi
done
[ -n "$OFFSET" ] || die "no free port pair among offsets ${PORT_OFFSET:-0..500}"
HTTP_PORT=$((8080 + OFFSET)); MGMT_PORT=$((9990 + OFFSET))
B=http://127.0.0.1:$HTTP_PORT

# --- 2. Environment of payara-config/local.properties, on 127.0.0.1 and a fresh data directory --
DATA=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-wildfly-data.XXXXXX")
while IFS='=' read -r key value; do
    case "$key" in ''|\#*) continue ;; esac
    value=${value//localhost:8080/127.0.0.1:$HTTP_PORT}
    [ "$key" = DATA_DIR ] && value=$DATA
    export "$key=$value"
done <payara-config/local.properties

echo "INFO  starting WildFly $WILDFLY_VERSION on 127.0.0.1:$HTTP_PORT (management :$MGMT_PORT), DATA_DIR=$DATA"
setsid "$WF/bin/standalone.sh" -c standalone.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" >"$WORK/console.log" 2>&1 &
WF_PID=$!

ready=1
deadline=$((SECONDS + BOOT_TIMEOUT))
for _ in $(seq "$BOOT_TIMEOUT"); do
    [ -e "$WF/standalone/deployments/ROOT.war.failed" ] && break
    kill -0 "$WF_PID" 2>/dev/null || break
    if [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$B/")" = 200 ]; then ready=0; break; fi
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 1
done
check "WildFly boots and deploys ROOT.war within ${BOOT_TIMEOUT} s" "$ready" "see $WORK/console.log"
[ "$ready" = 0 ] || exit 1

# --- 3. The flows ---------------------------------------------------------------------------------
JAR=$WORK/cookies
rm -f "$JAR" "$WORK"/*.html "$WORK"/*.json   # nothing from an earlier run may pass a check
get() { curl -s -m "$CURL_TIMEOUT" -c "$JAR" -b "$JAR" "$@"; }
# Hidden fields (and checked boxes, as a browser sends them) of a page, as --data-urlencode args.
form_args() {
    grep -oE '<input type="(hidden|checkbox)" name="[^"]*" value="[^"]*"( checked)?' "$1" \
        | grep -E 'type="hidden"|checked$' | sed -E 's/.*name="([^"]*)" value="([^"]*)".*/\1=\2/' \
        | sed -e 's/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' \
        | while IFS= read -r field; do printf -- '--data-urlencode\0%s\0' "$field"; done
}
# Where a browser posts a page's form: its action resolved against the page URL, or the page itself.
form_target() {
    local action
    action=$(grep -oE '<form method="post"( action="[^"]*")?' "$2" | head -1 | sed -nE 's/.*action="([^"]*)"/\1/p')
    case "$action" in
        '') echo "$1" ;;
        http://* | https://*) echo "$action" ;;
        /*) echo "$B$action" ;;
        *) local base=${1%%\?*}; echo "${base%/*}/$action" ;;
    esac
}

out=$(get -o "$WORK/start.html" -w '%{http_code} %{content_type}' "$B/")
case "$out" in "200 text/html"*) check "GET / is 200 HTML" 0 ;; *) check "GET / is 200 HTML" 1 "$out" ;; esac

out=$(get -o /dev/null -w '%{http_code} %{content_type}' "$B/shopify/evil.com/login")
[ "$out" = "400 application/problem+json" ]; check "GET /shopify/evil.com/login is 400 problem+json" $? "$out"

# A browser gets the same problem as a page (RESTEasy must not have escaped it into its source).
out=$(get -o "$WORK/problem.html" -w '%{http_code}' -H 'Accept: text/html' "$B/shopify/evil.com/login")
[ "$out" = 400 ] && grep -q '^<!DOCTYPE html>' "$WORK/problem.html"; check "the same, for a browser, is a 400 HTML page" $? "HTTP $out"

out=$(get -o /dev/null -w '%{http_code} %{redirect_url}' "$B/shopify/acme/login")
grant=${out#* }
[ "${out%% *}" = 303 ] && [[ "$grant" == "$B/sandbox/shopify/acme.myshopify.com/admin/oauth/authorize?"* ]]
check "GET /shopify/acme/login is 303 to the sandbox grant page" $?

code=$(get -o "$WORK/grant.html" -w '%{http_code}' "$grant")
[ "$code" = 200 ] && grep -q '<form method="post"' "$WORK/grant.html"; check "grant page is 200 with the install form" $? "HTTP $code"

mapfile -d '' args < <(form_args "$WORK/grant.html")
out=$(get -o /dev/null -w '%{http_code} %{redirect_url}' "${args[@]}" "$(form_target "$grant" "$WORK/grant.html")")
callback=${out#* }
[ "${out%% *}" = 302 ] && [[ "$callback" == "$B/shopify/callback?"* ]]
check "POST install form is 302 to /shopify/callback" $? "HTTP ${out%% *}"

out=$(get -o "$WORK/shopify.json" -w '%{http_code} %{content_type}' -H 'Accept: application/json' "$callback")
uuid=$(grep -oE '"user_uuid":"[0-9a-f-]{36}"' "$WORK/shopify.json" | head -1 | cut -d'"' -f4)
[[ "$out" == "200 application/json"* ]] && [ -n "$uuid" ]; check "Shopify callback is 200 JSON with user_uuid" $? "$out"
grep -q '"upload_status":{"status":"success"' "$WORK/shopify.json"; check "Shopify upload_status.status is success" $?
[ -n "$uuid" ] && [ -s "$DATA/users/$uuid/shopify/shopify_data.json" ]
check "DATA_DIR/users/<uuid>/shopify/shopify_data.json written" $?

out=$(get -o /dev/null -w '%{http_code} %{redirect_url}' "$B/facebook/login")
dialog=${out#* }
[ "${out%% *}" = 303 ] && [[ "$dialog" == "$B/sandbox/facebook/www/"*"/dialog/oauth?"* ]]
check "GET /facebook/login is 303 to the sandbox Login dialog" $?

code=$(get -o "$WORK/dialog.html" -w '%{http_code}' "$dialog")
[ "$code" = 200 ] && grep -q '<form method="post"' "$WORK/dialog.html"; check "Login dialog is 200 with its form" $? "HTTP $code"

mapfile -d '' args < <(form_args "$WORK/dialog.html")
out=$(get -o /dev/null -w '%{http_code} %{redirect_url}' "${args[@]}" --data-urlencode decision=allow \
    "$(form_target "$dialog" "$WORK/dialog.html")")
callback=${out#* }
[ "${out%% *}" = 302 ] && [[ "$callback" == "$B/facebook/callback?"* ]]
check "POST dialog/oauth/confirm (allow) is 302 to /facebook/callback" $? "HTTP ${out%% *}"

out=$(get -o "$WORK/facebook.json" -w '%{http_code} %{content_type}' -H 'Accept: application/json' "$callback")
pages=$(grep -oE '"pages":\{"data":\[[^]]*\]' "$WORK/facebook.json" | grep -oE '"id":"[0-9]+"' | cut -d'"' -f4)
[[ "$out" == "200 application/json"* ]] && [ -n "$pages" ] && grep -q "\"user_uuid\":\"$uuid\"" "$WORK/facebook.json"
check "Facebook callback is 200 JSON with pages, same user_uuid" $? "$out"
missing=0; count=0
for page in $pages; do
    count=$((count + 1))
    [ -s "$DATA/users/$uuid/facebook_messenger/$page/page_data.json" ] || missing=$((missing + 1))
done
[ "$count" -gt 0 ] && [ "$missing" = 0 ]; check "page_data.json written for each of the $count pages" $? "$missing missing"

# --- 4. The server log: no errors, no token --------------------------------------------------------
LOG=$WF/standalone/log/server.log
errors=$(grep -c ' ERROR ' "$LOG")
[ "$errors" = 0 ]; check "server.log has no ERROR line" $? "$errors (grep ' ERROR ' $LOG)"
tokens=$( { get "$B/sandbox/shopify/_control/oauth/shops/acme.myshopify.com/stats"; echo; get "$B/sandbox/facebook/_control/stats"; } \
    | grep -oE '"issuedTokens":\[[^]]*\]' | grep -oE '"[^"]+"' | grep -v issuedTokens | tr -d '"')
count=0; leaked=0
for token in $tokens; do
    count=$((count + 1))
    grep -qF -- "$token" "$LOG" "$WORK/console.log" && leaked=$((leaked + 1))
done
[ "$count" -gt 0 ] && [ "$leaked" = 0 ]; check "none of the $count issued tokens appears in the server log" $? "$leaked of $count found"

echo "INFO  $FAILED check(s) failed"
[ "$FAILED" = 0 ]
