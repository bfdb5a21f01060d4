#!/usr/bin/env bash
# How the embedded H2's file grows under webhook batches and whether it shrinks again (issue 26):
# the server's way (a CHECKPOINT after each batch) against WRITE_DELAY=0, each for SECONDS (default
# 30) at most 400 batches a second, then 90 s idle, then closed. Local files only; about 5 minutes.
#
#   bench/h2-growth.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD=${1:-30}
H2_VERSION=2.2.224   # Payara Micro 7's
H2_JAR=~/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar
[[ -s $H2_JAR ]] || mvn -B -q dependency:get -Dartifact=com.h2database:h2:$H2_VERSION
for mode in checkpoint wd0; do
    timeout 900 java -cp "$H2_JAR" bench/src/main/java/dev/salesbot/bench/H2FileGrowth.java "$mode" "$SECONDS_LOAD"
done
