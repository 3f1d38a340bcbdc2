#!/usr/bin/env bash
# Run a command with a real Neo4j reachable. If NEO4J_URI is set, use that server;
# otherwise start the dev server on a free loopback port, export NEO4J_*, run, then stop it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ -n "${NEO4J_URI:-}" ]]; then
  exec "$@"
fi
bash "$here/neo4j-dev/build.sh"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="test-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
data="$(mktemp -d -t xuncha-neo4j.XXXXXX)"
log="$data.log"
NEO4J_PORT="$port" NEO4J_PASSWORD="$password" NEO4J_DATA="$data" bash "$here/neo4j-dev/start.sh" >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data" "$log"; }
trap cleanup EXIT
for _ in $(seq 1 180); do
  if grep -q '^READY' "$log" 2>/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "Neo4j 启动失败：" >&2; cat "$log" >&2; exit 1; fi
  sleep 1
done
grep -q '^READY' "$log" || { echo "Neo4j 在 180 秒内未就绪" >&2; cat "$log" >&2; exit 1; }
export NEO4J_URI="bolt://127.0.0.1:$port" NEO4J_USER=neo4j NEO4J_PASSWORD="$password"
echo "Neo4j 已就绪：$NEO4J_URI" >&2
set +e
"$@"
status=$?
exit $status
