// name: clue_case_chains
// answers: 问题线索的来龙去脉：源自哪个问题或监督发现、移交日期、处置方式、是否立案及结果、涉及人员。
// params: unit_id, limit
// :param {unit_id: null, limit: 500}
MATCH (c:Clue)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(src)
OPTIONAL MATCH (src)-[:FOUND_AT]->(u:Unit)
WITH c, src, u
WHERE $unit_id IS NULL OR u.id = $unit_id
OPTIONAL MATCH (k:Case)-[:OPENED_FROM]->(c)
OPTIONAL MATCH (c)-[:INVOLVES]->(p:Person)
WITH c, src, u, k, collect(DISTINCT p.id) AS person_ids
RETURN c.id AS clue_id, c.code AS clue_code, src.id AS source_id,
       [l IN labels(src) WHERE l <> 'Entity'][0] AS source_kind, u.id AS unit_id,
       c.transfer_date AS transfer_date, c.disposal AS disposal, c.disposal_date AS disposal_date,
       k.id AS case_id, k.code AS case_code, k.opened AS case_opened, k.outcome AS outcome, person_ids
ORDER BY transfer_date, clue_id
LIMIT $limit
