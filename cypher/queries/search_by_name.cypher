// name: search_by_name
// answers: 按名称或别名片段查找实体（如“农业农村局”找到“某县农业农村局”），名称短的在前。
// params: text, kind, limit
// :param {text: '农业农村局', kind: 'Unit', limit: 20}
MATCH (n:Entity)
WHERE n.name IS NOT NULL
  AND ($kind IS NULL OR $kind IN labels(n))
WITH n, [a IN coalesce(n.aliases, []) WHERE a CONTAINS $text][0] AS alias
WHERE n.name CONTAINS $text OR alias IS NOT NULL
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, n.name AS name,
       CASE WHEN n.name CONTAINS $text THEN null ELSE alias END AS matched_alias
ORDER BY size(n.name), n.id
LIMIT $limit
