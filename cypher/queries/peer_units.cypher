// name: peer_units
// answers: 与某单位同类的单位（村：同乡镇的其他村；其他：同一行业主管部门下的单位）及其最近一次被巡察的轮次开始日期。
// params: unit_id
// :param {unit_id: 'unit_0123456789abcdef'}
MATCH (u:Unit {id: $unit_id})
OPTIONAL MATCH (u)-[:PART_OF]->(t:Unit)<-[:PART_OF]-(tp:Unit)
WHERE tp.id <> u.id
WITH u, [x IN collect(DISTINCT {peer: tp, via: t}) WHERE x.peer IS NOT NULL] AS by_township
OPTIONAL MATCH (u)-[:REGULATED_BY]->(reg:Unit)<-[:REGULATED_BY]-(rp:Unit)
WHERE rp.id <> u.id
WITH by_township, [x IN collect(DISTINCT {peer: rp, via: reg}) WHERE x.peer IS NOT NULL] AS by_regulator
UNWIND CASE WHEN size(by_township) > 0 THEN by_township ELSE by_regulator END AS pair
WITH pair.peer AS p, pair.via AS via
OPTIONAL MATCH (g:Group)-[:INSPECTED]->(p)
OPTIONAL MATCH (g)-[:IN_ROUND]->(r:Round)
WITH p, via, max(r.start) AS last_inspected
RETURN p.id AS unit_id, p.name AS unit_name, via.id AS via_id, via.name AS via_name, last_inspected
ORDER BY unit_id, via_id
