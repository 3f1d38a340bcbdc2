// name: shortest_path
// answers: 两个实体之间的最短关联路径（不经过“来源文件”关系）；有多条时取标识序列最小的一条，两种存储结果一致。
// params: source, target, max_depth
// :param {source: 'per_0123456789abcdef', target: 'unit_0123456789abcdef', max_depth: 6}
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
WHERE a <> b
MATCH p = allShortestPaths((a)-[rels*..6]-(b))
WHERE none(r IN rels WHERE type(r) = 'SOURCED_FROM') AND length(p) <= $max_depth
WITH p, [n IN nodes(p) | n.id] AS ids
ORDER BY ids
LIMIT 1
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, kind: [l IN labels(n) WHERE l <> 'Entity'][0],
                         name: coalesce(n.name, n.title, n.code, n.path, n.text, n.measure)}] AS nodes
