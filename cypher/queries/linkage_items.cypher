// name: linkage_items
// answers: 贯通联动：某单位、某人或某轮巡察所涉单位被各监督渠道发现的问题（巡察问题计为巡察监督渠道），可限定发现日期，附所涉人员。
// params: unit_id, person_id, round_id, date_from, date_to
// :param {unit_id: 'unit_0123456789abcdef', person_id: null, round_id: null, date_from: null, date_to: null}
CALL () {
  MATCH (item)-[:FOUND_AT]->(:Unit {id: $unit_id}) WHERE item:Issue OR item:Finding RETURN item
  UNION
  MATCH (:Person {id: $person_id})-[:RESPONSIBLE_FOR]->(item:Issue) RETURN item
  UNION
  MATCH (item:Finding)-[:INVOLVES]->(:Person {id: $person_id}) RETURN item
  UNION
  MATCH (item:Issue)-[:FOUND_IN]->(:Round {id: $round_id}) RETURN item
  UNION
  MATCH (:Round {id: $round_id})<-[:IN_ROUND]-(:Group)-[:INSPECTED]->(:Unit)<-[:FOUND_AT]-(item:Finding) RETURN item
}
WITH item
WHERE ($date_from IS NULL OR item.found_date >= $date_from) AND ($date_to IS NULL OR item.found_date <= $date_to)
CALL (item) {
  OPTIONAL MATCH (x:Person)-[:RESPONSIBLE_FOR]->(item)
  RETURN collect(DISTINCT x.id) AS responsible
}
CALL (item) {
  OPTIONAL MATCH (item)-[:INVOLVES]->(y:Person)
  RETURN collect(DISTINCT y.id) AS involved
}
OPTIONAL MATCH (item)-[:FOUND_AT]->(u:Unit)
OPTIONAL MATCH (item)-[:FOUND_IN]->(r:Round)
RETURN item.id AS item_id, [l IN labels(item) WHERE l <> 'Entity'][0] AS item_kind,
       CASE WHEN item:Issue THEN 'inspection' ELSE item.channel END AS channel, item.code AS code,
       item.text AS text, item.category AS category, item.found_date AS found_date, u.id AS unit_id,
       u.name AS unit_name, r.id AS round_id, responsible + involved AS person_ids
ORDER BY found_date, item_id, unit_id, round_id
