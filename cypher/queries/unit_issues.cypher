// name: unit_issues
// answers: 某单位被发现的问题，可按轮次、类别、整改状态筛选，按发现日期排序。
// params: unit_id, round_id, category, status
// :param {unit_id: 'unit_0123456789abcdef', round_id: null, category: '三资管理', status: null}
MATCH (i:Issue)-[:FOUND_AT]->(:Unit {id: $unit_id})
WHERE ($round_id IS NULL OR i.round_id = $round_id)
  AND ($category IS NULL OR i.category = $category)
  AND ($status IS NULL OR i.status = $status)
RETURN i.id AS id, i.round_id AS round_id, i.seq AS seq, i.category AS category, i.status AS status,
       i.found_date AS found_date, i.text AS text
ORDER BY found_date, seq, id
