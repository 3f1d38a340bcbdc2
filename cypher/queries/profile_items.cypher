// name: profile_items
// answers: 巡前画像：若干单位的信访、项目（及承接企业）、惠民补贴（及领取人）、其他监督渠道的发现和巡察过它的轮次，一次取回（可只取其中几类）。
// params: unit_ids, kinds
// :param {unit_ids: ['unit_0123456789abcdef'], kinds: null}
MATCH (v:Unit)
WHERE v.id IN $unit_ids
CALL (v) {
  MATCH (x:Petition)-[:LOCATED_AT]->(v)
  WHERE $kinds IS NULL OR 'Petition' IN $kinds
  RETURN x.id AS item_id, 'Petition' AS item_kind, x.code AS code, x.topic AS label, x.received_date AS on,
         null AS year, x.status AS status, null AS amount, [] AS party_ids, [] AS party_names, null AS text
  UNION ALL
  MATCH (x:Project)-[:LOCATED_AT]->(v)
  WHERE $kinds IS NULL OR 'Project' IN $kinds
  OPTIONAL MATCH (c:Company)-[:CONTRACTED]->(x)
  RETURN x.id AS item_id, 'Project' AS item_kind, x.code AS code, x.name AS label, null AS on, x.year AS year,
         null AS status, x.amount AS amount, collect(DISTINCT c.id) AS party_ids, collect(DISTINCT c.name) AS party_names,
         null AS text
  UNION ALL
  MATCH (x:Benefit)-[:LOCATED_AT]->(v)
  WHERE $kinds IS NULL OR 'Benefit' IN $kinds
  OPTIONAL MATCH (r:Person)-[:RECEIVED]->(x)
  RETURN x.id AS item_id, 'Benefit' AS item_kind, null AS code, x.benefit_kind AS label, null AS on, x.year AS year,
         null AS status, x.amount AS amount, collect(DISTINCT r.id) AS party_ids, collect(DISTINCT r.name) AS party_names,
         null AS text
  UNION ALL
  MATCH (x:Finding)-[:FOUND_AT]->(v)
  WHERE $kinds IS NULL OR 'Finding' IN $kinds
  RETURN x.id AS item_id, 'Finding' AS item_kind, x.code AS code, x.category AS label, x.found_date AS on,
         null AS year, x.channel AS status, null AS amount, [] AS party_ids, [] AS party_names, x.text AS text
  UNION ALL
  MATCH (g:Group)-[:INSPECTED]->(v)
  WHERE $kinds IS NULL OR 'Round' IN $kinds
  MATCH (g)-[:IN_ROUND]->(x:Round)
  WITH DISTINCT x
  RETURN x.id AS item_id, 'Round' AS item_kind, null AS code, x.title AS label, x.start AS on, null AS year,
         x.round_kind AS status, null AS amount, [] AS party_ids, [] AS party_names, null AS text
}
RETURN v.id AS unit_id, item_id, item_kind, code, label, on, year, status, amount, party_ids, party_names, text
ORDER BY unit_id, item_kind, item_id
