// name: peer_units
// answers: 与某单位同类的单位（村：同乡镇的其他村；其他：同一行业主管部门下的单位）及其最近一次被巡察的轮次开始日期。
// params: unit_id
// :param {unit_id: 'unit_0123456789abcdef'}
MATCH (u:Unit {id: $unit_id})
OPTIONAL MATCH (u)-[:PART_OF]->(t:Unit)<-[:PART_OF]-(tp:Unit)
WHERE tp.id <> u.id
WITH u, t, collect(DISTINCT tp) AS by_township
OPTIONAL MATCH (u)-[:REGULATED_BY]->(reg:Unit)<-[:REGULATED_BY]-(rp:Unit)
WHERE rp.id <> u.id
WITH t, by_township, reg, collect(DISTINCT rp) AS by_regulator
WITH CASE WHEN size(by_township) > 0 THEN by_township ELSE by_regulator END AS peers,
     CASE WHEN size(by_township) > 0 THEN t ELSE reg END AS via
UNWIND peers AS p
OPTIONAL MATCH (g:Group)-[:INSPECTED]->(p)
OPTIONAL MATCH (g)-[:IN_ROUND]->(r:Round)
WITH p, via, max(r.start) AS last_inspected
RETURN p.id AS unit_id, p.name AS unit_name, via.id AS via_id, via.name AS via_name, last_inspected
ORDER BY unit_id
