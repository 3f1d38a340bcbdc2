#!/usr/bin/env bash
# Start the dev Neo4j in the foreground. Env: NEO4J_PORT (7687), NEO4J_PASSWORD,
# NEO4J_DATA (default: $XUNCHA_DATA_DIR/neo4j, i.e. var/neo4j — kept between runs, so a restart keeps the graph),
# NEO4J_JAVA_OPTS (default below). A short-lived server (tests) spends most of its CPU compiling: measured on the
# 2-core machine, "-Xms2g -Xmx2g -XX:+UseParallelGC -XX:TieredStopAtLevel=1" (C1 only) took the first scale-1
# load from ~21 s to ~12 s of server CPU, but a long-lived C2 server ends faster (~3 s per warm scale-1 load).
# The server refuses LOAD CSV from files and network addresses and loads no plugin procedures (see DevServer.java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${NEO4J_PORT:-7687}"
password="${NEO4J_PASSWORD:-xuncha-dev-password}"
data="${NEO4J_DATA:-${XUNCHA_DATA_DIR:-$repo/var}/neo4j}"
mkdir -p "$data"
chmod 700 "$data"
echo "Neo4j: bolt://127.0.0.1:$port  用户 neo4j  密码 $password  数据 $data" >&2
# shellcheck disable=SC2086  # the options are words
exec java ${NEO4J_JAVA_OPTS:--Xms512m -Xmx2g -XX:+UseG1GC} -cp "$here/target/classes:$here/target/lib/*" \
  xuncha.DevServer "$data" "$port" "$password"
