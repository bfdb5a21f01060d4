# The smoke test's common part, sourced by wildfly.sh and payara7.sh (mvn verify runs both after
# the Payara integration tests, on the WAR just built): the check helpers, the run command's
# settings as environment variables, and the flows every runtime must pass, driven by curl — both
# connects, a signed webhook, the admin login, the admin API, health, metrics, and a server log
# with no error and no token.
#
# run_flows needs: B (the app's base URL), DATA (its DATA_DIR), WORK (a scratch directory),
# HEALTH (where /health/ready and /health/live answer), SERVER_LOG and CONSOLE_LOG (to search for
# errors and tokens), ERROR_PATTERN (an error line of that log, as grep -E), CURL_TIMEOUT.

FAILED=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1${2:+ — $2}"; FAILED=$((FAILED + 1)); }
check() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "${3:-}"; fi; }
die() { echo "FAIL  $1"; exit 1; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The run command's settings (payara-config/local.properties) as environment variables, which
# MicroProfile Config reads on every runtime: on 127.0.0.1:$1 and with DATA_DIR $2.
export_local_settings() {
    local key value
    while IFS='=' read -r key value; do
        case "$key" in ''|\#*) continue ;; esac
        value=${value//localhost:8080/127.0.0.1:$1}
        [ "$key" = DATA_DIR ] && value=$2
        export "$key=$value"
    done <payara-config/local.properties
}

# Waits until GET $B/ answers 200, for at most $1 seconds, while the process $2 lives and the file $3
# (a failed-deployment marker, optional) does not exist.
await_boot() {
    local deadline=$((SECONDS + $1))
    while [ "$SECONDS" -lt "$deadline" ]; do
        [ -n "${3:-}" ] && [ -e "$3" ] && return 1
        kill -0 "$2" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$B/")" = 200 ] && return 0
        sleep 1
    done
    return 1
}

# The flows; prints a PASS or FAIL line per check and the count of failures, answers 0 when none failed.
run_flows() {
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

    # The pages' headers on WildFly too: the policy, and the session cookie's flags (Servlet 6 attributes).
    headers=$(curl -s -m "$CURL_TIMEOUT" -o /dev/null -D - "$B/")
    grep -qi "^content-security-policy: default-src 'none'; script-src 'self'; style-src 'self'" <<<"$headers" \
      && grep -qi "frame-ancestors 'none'" <<<"$headers" && grep -qi '^referrer-policy: no-referrer' <<<"$headers" \
      && grep -qi '^x-content-type-options: nosniff' <<<"$headers"
    check "GET / carries the Content-Security-Policy, Referrer-Policy and nosniff" $?
    out=$(curl -s -m "$CURL_TIMEOUT" -o /dev/null -w '%{http_code} %{content_type}' "$B/assets/app.css")
    [[ "$out" == "200 text/css"* ]]; check "GET /assets/app.css is 200 text/css" $? "$out"
    cookie=$(curl -s -m "$CURL_TIMEOUT" -o /dev/null -D - "$B/shopify/acme/login" | grep -i '^set-cookie: salesbot-session=')
    grep -qi 'HttpOnly' <<<"$cookie" && grep -qi 'SameSite=Lax' <<<"$cookie"
    check "the session cookie (in the database, not a servlet session) is HttpOnly and SameSite=Lax" $? "$(sed -E 's/=[^;]+/=…/' <<<"$cookie")"

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
    out=$(get -o "$WORK/status.json" -w '%{http_code}' "$B/connections/status")
    [ "$out" = 200 ] && grep -q '"target":"acme.myshopify.com"' "$WORK/status.json" && grep -q '"state":"up_to_date"' "$WORK/status.json"
    check "GET /connections/status shows the session's store up to date" $? "HTTP $out"

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

    # A webhook, the admin console, health, metrics.
    ADMIN_PASSWORD=local-admin-password   # the documented local admin of payara-config/local.properties
    product=$(grep -oE 'gid://shopify/Product/[0-9]+' "$DATA/users/$uuid/shopify/shopify_data.json" | head -1)
    body="{\"id\":${product##*/},\"admin_graphql_api_id\":\"$product\",\"title\":\"Smoke Test Tent\",\"updated_at\":\"2026-12-01T10:00:00Z\"}"
    hmac=$(printf %s "$body" | openssl dgst -sha256 -hmac "$SHOPIFY_API_SECRET" -binary | base64)
    out=$(curl -s -m "$CURL_TIMEOUT" -H 'Content-Type: application/json' -H 'X-Shopify-Topic: products/update' \
        -H 'X-Shopify-Shop-Domain: acme.myshopify.com' -H "X-Shopify-Webhook-Id: smoke-$(date +%s%N)" \
        -H "X-Shopify-Hmac-Sha256: $hmac" --data-binary "$body" "$B/shopify/webhook")
    [ "$out" = '{"status":"recorded"}' ]; check "a signed products/update webhook is recorded" $? "$out"
    out=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H 'Content-Type: application/json' -H 'X-Shopify-Topic: products/update' \
        -H 'X-Shopify-Shop-Domain: acme.myshopify.com' -H 'X-Shopify-Webhook-Id: smoke-forged' \
        -H 'X-Shopify-Hmac-Sha256: bm90IGEgc2lnbmF0dXJl' --data-binary "$body" "$B/shopify/webhook")
    [ "$out" = 401 ]; check "a forged webhook is refused (401)" $? "HTTP $out"

    ADMIN_JAR=$WORK/admin-cookies; rm -f "$ADMIN_JAR"
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -m 30 "$B/admin")
    [ "$code" = "303 $B/admin/login" ]; check "GET /admin without a session is 303 to the login form" $? "$code"
    code=$(curl -s -o "$WORK/login.html" -w '%{http_code}' -m 30 -c "$ADMIN_JAR" -b "$ADMIN_JAR" "$B/admin/login")
    csrf=$(grep -oE 'name="csrf" value="[^"]*"' "$WORK/login.html" | head -1 | cut -d'"' -f4)
    [ "$code" = 200 ] && [ -n "$csrf" ]; check "the login form is 200 with its token" $? "HTTP $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 60 -c "$ADMIN_JAR" -b "$ADMIN_JAR" --data-urlencode "csrf=$csrf" \
        --data-urlencode username=admin --data-urlencode password=wrong-password "$B/admin/login")
    [ "$code" = 401 ]; check "a wrong password is 401" $? "HTTP $code"
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -m 60 -c "$ADMIN_JAR" -b "$ADMIN_JAR" --data-urlencode "csrf=$csrf" \
        --data-urlencode username=admin --data-urlencode "password=$ADMIN_PASSWORD" "$B/admin/login")
    [ "$code" = "303 $B/admin" ]; check "the documented local admin logs in (303 to /admin)" $? "$code"
    code=$(curl -s -o "$WORK/admin.html" -w '%{http_code}' -m 60 -c "$ADMIN_JAR" -b "$ADMIN_JAR" "$B/admin")
    [ "$code" = 200 ] && grep -q 'acme.myshopify.com' "$WORK/admin.html" && grep -q 'class="health health-healthy">healthy' "$WORK/admin.html"
    check "the dashboard shows the store, healthy" $? "HTTP $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 30 "$B/admin/api/summary")
    [ "$code" = 401 ]; check "the admin API without credentials is 401" $? "HTTP $code"
    code=$(curl -s -o "$WORK/connections.json" -w '%{http_code}' -m 60 -u "admin:$ADMIN_PASSWORD" "$B/admin/api/connections")
    [ "$code" = 200 ] && grep -q '"target":"acme.myshopify.com"' "$WORK/connections.json"
    check "GET /admin/api/connections with Basic is 200 and lists the store" $? "HTTP $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 60 -u "admin:$ADMIN_PASSWORD" -X POST -d 'x=y' "$B/admin/api/poll")
    [ "$code" = 415 ]; check "a Basic POST without JSON is 415" $? "HTTP $code"

    code=$(curl -s -o "$WORK/ready.json" -w '%{http_code}' -m 30 "$HEALTH/health/ready")
    [ "$code" = 200 ] && grep -q '"name":"storage","status":"UP"' "$WORK/ready.json" && grep -q '"name":"sync-worker","status":"UP"' "$WORK/ready.json"
    check "readiness is UP with the app's checks" $? "HTTP $code $(head -c 300 "$WORK/ready.json")"
    code=$(curl -s -o "$WORK/live.json" -w '%{http_code}' -m 30 "$HEALTH/health/live")
    [ "$code" = 200 ] && grep -q '"sync-worker"' "$WORK/live.json"; check "liveness is UP with the worker's check" $? "HTTP $code"

    for _ in $(seq 30); do
        curl -s -m 30 -u "admin:$ADMIN_PASSWORD" "$B/admin/api/metrics" >"$WORK/metrics.txt"
        grep -qE '^salesbot_syncs_seconds_count\{kind="shopify_changes",result="(written|unchanged)"\} [1-9]' "$WORK/metrics.txt" && break
        sleep 1
    done
    grep -qE '^salesbot_webhooks_received_total\{platform="shopify",receipt="recorded"\} [1-9]' "$WORK/metrics.txt" \
        && grep -qE '^salesbot_webhooks_rejected_total\{platform="shopify"\} [1-9]' "$WORK/metrics.txt" \
        && grep -qE '^salesbot_syncs_seconds_count\{kind="shopify_changes",result="(written|unchanged)"\} [1-9]' "$WORK/metrics.txt"
    check "the metrics count the webhooks and the sync they caused" $?
    code=$(curl -s -o "$WORK/poll.json" -w '%{http_code}' -m 60 -u "admin:$ADMIN_PASSWORD" -X POST -H 'Content-Type: application/json' -d '{}' "$B/admin/api/poll")
    [ "$code" = 202 ] && grep -q '"enqueued":' "$WORK/poll.json"; check "POST /admin/api/poll is 202 with the count enqueued" $? "HTTP $code"

    # The server log: no errors, no token.
    LOG=$SERVER_LOG
    errors=$(grep -cE "$ERROR_PATTERN" "$LOG")
    [ "$errors" = 0 ]; check "the server log has no error line" $? "$errors (grep -E '$ERROR_PATTERN' $LOG)"
    tokens=$( { get "$B/sandbox/shopify/_control/oauth/shops/acme.myshopify.com/stats"; echo; get "$B/sandbox/facebook/_control/stats"; } \
        | grep -oE '"issuedTokens":\[[^]]*\]' | grep -oE '"[^"]+"' | grep -v issuedTokens | tr -d '"')
    count=0; leaked=0
    for token in $tokens; do
        count=$((count + 1))
        grep -qF -- "$token" "$LOG" "$CONSOLE_LOG" && leaked=$((leaked + 1))
    done
    [ "$count" -gt 0 ] && [ "$leaked" = 0 ]; check "none of the $count issued tokens appears in the server log" $? "$leaked of $count found"

    echo "INFO  $FAILED check(s) failed"
    [ "$FAILED" = 0 ]
}
