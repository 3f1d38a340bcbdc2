// name: neighbourhood
// answers: 某实体周围 depth 层内的实体；关系数超过 fanout 的节点（来源文件、县领导等）只列出、不再向外扩展，避免一个超级节点连起一切。
// params: id, depth, limit, fanout
// :param {id: 'unit_0123456789abcdef', depth: 2, limit: 200, fanout: 50}
MATCH (s:Entity {id: $id})
CALL (s) {
  MATCH (s)--(m)
  WHERE m <> s
  RETURN collect(DISTINCT m) AS l1
}
CALL (s, l1) {
  UNWIND l1 AS x
  WITH s, l1, x
  WHERE $depth >= 2 AND COUNT { (x)--() } <= $fanout
  MATCH (x)--(m)
  WHERE m <> s AND NOT m IN l1
  RETURN collect(DISTINCT m) AS l2
}
CALL (s, l1, l2) {
  UNWIND l2 AS x
  WITH s, l1, l2, x
  WHERE $depth >= 3 AND COUNT { (x)--() } <= $fanout
  MATCH (x)--(m)
  WHERE m <> s AND NOT m IN l1 AND NOT m IN l2
  RETURN collect(DISTINCT m) AS l3
}
UNWIND [n IN l1 | {n: n, d: 1}] + [n IN l2 | {n: n, d: 2}] + [n IN l3 | {n: n, d: 3}] AS hit
WITH hit.n AS n, hit.d AS distance
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       coalesce(n.name, n.title, n.code, n.path, n.text, n.measure) AS name, distance
ORDER BY distance, id
LIMIT $limit
