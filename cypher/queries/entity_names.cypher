// name: entity_names
// answers: 全部有名称的实体（名称与别名），供按名称搜索建索引（每个图版本取一次）。
// params: kind
// :param {kind: null}
MATCH (n:Entity)
WHERE n.name IS NOT NULL
  AND ($kind IS NULL OR $kind IN labels(n))
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name,
       coalesce(n.aliases, []) AS aliases
ORDER BY id
