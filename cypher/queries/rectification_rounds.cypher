// name: rectification_rounds
// answers: 整改看板的轮次：名称、进驻与结束日期、本轮巡察的单位（含未发现问题的单位）。
// params: round_ids
// :param {round_ids: null}
MATCH (r:Round)
WHERE $round_ids IS NULL OR r.id IN $round_ids
OPTIONAL MATCH (g:Group)-[:IN_ROUND]->(r)
OPTIONAL MATCH (g)-[:INSPECTED]->(u:Unit)
RETURN r.id AS round_id, r.title AS title, r.county AS county, r.number AS number, r.start AS start,
       r.end AS end_date, collect(DISTINCT u.id) AS unit_ids
ORDER BY county, start, round_id
