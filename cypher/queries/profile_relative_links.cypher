// name: profile_relative_links
// answers: 巡前画像：若干村的优亲厚友线索，一次取回（村干部在任期间，其亲属在本村领取惠民补贴，或亲属的企业承接本村项目）。
// params: unit_ids
// :param {unit_ids: ['unit_0123456789abcdef']}
MATCH (v:Unit {unit_kind: 'village'})
WHERE v.id IN $unit_ids
MATCH (cadre:Person)-[h:HOLDS_POST]->(v)
MATCH (cadre)-[rel:RELATIVE_OF]-(relative:Person)
CALL (relative, v) {
  MATCH (relative)-[:RECEIVED]->(b:Benefit)-[:LOCATED_AT]->(v)
  RETURN 'benefit' AS via, b.id AS target_id, b.year AS year, b.benefit_kind AS detail
  UNION
  MATCH (relative)-[:OWNS_OR_REPRESENTS]->(c:Company)-[:CONTRACTED]->(pr:Project)-[:LOCATED_AT]->(v)
  RETURN 'contract' AS via, pr.id AS target_id, pr.year AS year, c.name AS detail
}
WITH cadre, relative, rel, v, h, via, target_id, year, detail, toString(year) + '-06-30' AS mid
WHERE h.start <= mid AND (h.end IS NULL OR mid <= h.end)
RETURN DISTINCT cadre.id AS cadre_id, cadre.name AS cadre_name, relative.id AS relative_id,
       relative.name AS relative_name, rel.relation AS relation, v.id AS village_id, v.name AS village_name,
       via, target_id, year, detail
ORDER BY village_id, cadre_id, relative_id, target_id
