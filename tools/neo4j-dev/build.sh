#!/usr/bin/env bash
# Fetch Neo4j 5.26 Community from Maven Central and compile the dev server (once).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ -f "$here/target/classes/xuncha/DevServer.class" && -d "$here/target/lib" \
      && "$here/target/classes/xuncha/DevServer.class" -nt "$here/pom.xml" ]]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "需要 Maven（apt-get install maven）" >&2; exit 1; }
command -v java >/dev/null || { echo "需要 Java 17（apt-get install openjdk-17-jdk-headless）" >&2; exit 1; }
echo "正在从 Maven Central 获取 Neo4j 5.26（首次需要几分钟）…" >&2
mvn -q -B -f "$here/pom.xml" package -DskipTests
