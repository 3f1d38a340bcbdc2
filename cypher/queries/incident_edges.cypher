// name: incident_edges
// answers: 某实体的每一条关系及另一端的实体：类别、名称、日期和它的关系数（超级节点据此折叠，不展开）；来源文件关系默认不列。
// params: id, types, limit
// :param {id: 'unit_0123456789abcdef', types: [], limit: 2000}
MATCH (s:Entity {id: $id})-[r]-(m)
WHERE (size($types) = 0 AND type(r) <> 'SOURCED_FROM') OR type(r) IN $types
WITH r, m, CASE WHEN startNode(r) = s THEN 'out' ELSE 'in' END AS direction
RETURN type(r) AS edge_type, direction, m.id AS neighbour_id,
       [l IN labels(m) WHERE l <> 'Entity'][0] AS neighbour_kind,
       coalesce(m.name, m.title, m.code, m.path, m.text, m.measure) AS neighbour_name,
       COUNT { (m)--() } AS neighbour_degree,
       toString(coalesce(m.found_date, m.transfer_date, m.opened, m.sent_date, m.received_date, m.issued_date,
                         m.requested_date, m.deadline, m.start)) AS when,
       toString(coalesce(r.start, r.on)) AS start, toString(r.end) AS end
ORDER BY edge_type, direction, neighbour_id, coalesce(start, '')
LIMIT $limit
