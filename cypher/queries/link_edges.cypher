// name: link_edges
// answers: 把问题、线索、案件、其他监督发现连起来的关系：经由人员、建议函（附其连接的事项数），或彼此直接相连（线索来源、立案、重复）。
// params: item_id
// :param {item_id: null}
CALL () {
  MATCH (x)-[:RESPONSIBLE_FOR|INVOLVES|CONCERNS]-(c)
  WHERE (x:Issue OR x:Clue OR x:Case OR x:Finding) AND (c:Person OR c:Letter)
  WITH c, collect(DISTINCT x) AS xs
  UNWIND xs AS x
  RETURN x.id AS item_id, x.severity AS item_severity, c.id AS via_id, null AS via_severity, size(xs) AS via_degree
  UNION
  MATCH (x)-[:ARISES_FROM|OPENED_FROM|REPEATS]->(y)
  WHERE (x:Issue OR x:Clue OR x:Case) AND (y:Issue OR y:Clue OR y:Finding)
  RETURN x.id AS item_id, x.severity AS item_severity, y.id AS via_id, y.severity AS via_severity, 1 AS via_degree
}
WITH item_id, item_severity, via_id, via_severity, via_degree
WHERE $item_id IS NULL OR item_id = $item_id OR via_id = $item_id
RETURN item_id, item_severity, via_id, via_severity, via_degree
ORDER BY item_id, via_id
