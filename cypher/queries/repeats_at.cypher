// name: repeats_at
// answers: 已算出的重复问题（后发现 → 此前），可按单位、问题或标记（整改后复发/屡查屡犯/逾期未整改）筛选。
// params: unit_id, issue_id, flag, limit
// :param {unit_id: null, issue_id: null, flag: 'relapse', limit: 100}
MATCH (a:Issue)-[r:REPEATS]->(b:Issue)
MATCH (a)-[:FOUND_AT]->(u:Unit)
WHERE ($unit_id IS NULL OR u.id = $unit_id)
  AND ($issue_id IS NULL OR a.id = $issue_id OR b.id = $issue_id)
  AND ($flag IS NULL OR r[$flag] = true)
RETURN a.id AS issue_id, b.id AS earlier_id, u.id AS unit_id, u.name AS unit_name,
       a.round_id AS issue_round, b.round_id AS earlier_round, a.text AS issue_text, b.text AS earlier_text,
       r.score AS score, r.relapse AS relapse, r.chronic AS chronic, r.long_unrectified AS long_unrectified,
       r.phrases AS phrases, r.evidence AS evidence
ORDER BY unit_id, issue_id, earlier_id
LIMIT $limit
