// name: involvements
// answers: 若干人员被哪些问题线索、案件涉及（被反映、被审查调查）：编号、日期、处置或结果、来源单位。
// params: person_ids
// :param {person_ids: ['per_0123456789abcdef']}
MATCH (x)-[v:INVOLVES]->(p:Person)
WHERE p.id IN $person_ids AND (x:Clue OR x:Case)
OPTIONAL MATCH (x)-[:OPENED_FROM]->(oc:Clue)
WITH p, x, v, coalesce(oc, x) AS clue
OPTIONAL MATCH (clue)-[:ARISES_FROM]->(src)-[:FOUND_AT]->(u:Unit)
RETURN p.id AS person_id, x.id AS item_id, [l IN labels(x) WHERE l <> 'Entity'][0] AS item_kind, x.code AS code,
       coalesce(x.opened, x.transfer_date) AS on, coalesce(x.outcome, x.disposal) AS result, v.role AS role,
       u.id AS source_unit_id
ORDER BY person_id, on, item_id, source_unit_id
