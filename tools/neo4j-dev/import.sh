#!/usr/bin/env bash
# Run `neo4j-admin database import full …` for the development server, from the Neo4j jars it is built from
# (the importer, org.neo4j.cli.AdminTool, ships in them). The server must be STOPPED: the import writes the
# database files under NEO4J_DATA (default var/neo4j), the folder start.sh serves.
# Usage: NEO4J_DATA=… bash tools/neo4j-dev/import.sh database import full neo4j --nodes=… --relationships=…
# (the arguments `xuncha neo4j-import-csv` prints after its `neo4j-admin`). Memory: NEO4J_IMPORT_JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bash "$here/build.sh"
data="${NEO4J_DATA:-${XUNCHA_DATA_DIR:-$repo/var}/neo4j}"
mkdir -p "$data"
chmod 700 "$data"
# shellcheck disable=SC2086  # the options are words
NEO4J_HOME="$data" exec java ${NEO4J_IMPORT_JAVA_OPTS:--Xmx1g} -cp "$here/target/classes:$here/target/lib/*" \
  org.neo4j.cli.AdminTool "$@"
