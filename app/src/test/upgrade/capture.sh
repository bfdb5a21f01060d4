#!/usr/bin/env bash
# Captures the database a release leaves behind, for UpgradeIT: builds the release's WARs from its
# tag, runs them on Payara Micro (H2, then a throwaway PostgreSQL from .ci/postgres.sh), connects a
# store and the sandbox user's Pages through the browser flows, and writes
# app/src/test/resources/upgrade/<version>/{h2.sql,postgresql.sql,capture.properties}.
# Run once per release, from anywhere; needs git and the tag (the test needs neither), Maven's local
# repository filled by a build, and Debian's postgresql binaries.
#
#   app/src/test/upgrade/capture.sh v0.1.0
set -euo pipefail
cd "$(dirname "$0")/../../../.."
tag=${1:?the release tag, e.g. v0.1.0}
out="app/src/test/resources/upgrade/${tag#v}"
work=$(mktemp -d "${TMPDIR:-/tmp}/salesbot-capture.XXXXXX")
cleanup() {
    git worktree remove --force "$work/release" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== building $tag"
git worktree add -q "$work/release" "$tag"
(cd "$work/release" && mvn -B -q package -DskipTests)

echo "== building the capture (this checkout's test classes)"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath" \
    -pl app -am -DexcludeArtifactIds=payara-micro
version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
payara=$(ls ~/.m2/repository/fish/payara/extras/payara-micro/"$version"/payara-micro-"$version".jar)
postgresql=$(tr ':' '\n' < "$work/classpath" | grep '/postgresql-[0-9.]*\.jar$')

echo "== capturing into $out"
java -Dpayara.micro.jar="$payara" -Dit.postgresql.jar="$postgresql" \
    -cp "app/target/test-classes:app/target/classes:$(cat "$work/classpath")" \
    dev.salesbot.sync.upgrade.ReleaseCapture \
    "$work/release/app/target/salesbot-sync.war" "$work/release/sandbox/target/sandbox.war" \
    "$work/release/payara-config/local.properties" "$out"
