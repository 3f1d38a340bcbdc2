// name: pending_categories
// answers: 待归类的问题和监督发现：台账所填类别没能按任何规则归入分类表（暂归“其他”，原填类别保留在 raw_category；补了别名后重新载入的，类别已改而 raw_category 仍在，也列出，由 apply 清除），及其单位；供 xuncha categories pending / apply。
// params: kind
// :param {kind: null}
MATCH (n:Entity)
WHERE (n:Issue OR n:Finding) AND n.raw_category IS NOT NULL
  AND ($kind IS NULL OR $kind IN labels(n))
OPTIONAL MATCH (n)-[:FOUND_AT]->(u:Unit)
RETURN n.id AS id, CASE WHEN n:Issue THEN 'Issue' ELSE 'Finding' END AS kind, n.code AS code,
       n.raw_category AS raw_category, n.category AS category, n.text AS text, u.id AS unit_id, u.name AS unit_name
ORDER BY raw_category, id
