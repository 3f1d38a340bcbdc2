// name: undisposed_clues
// answers: 尚未处置的问题线索（可限定在某日之前移交的）：移交日期、接收单位、来源问题或发现及其轮次。
// params: transferred_before
// :param {transferred_before: '2024-01-01'}
MATCH (c:Clue)
WHERE c.disposal IS NULL AND ($transferred_before IS NULL OR c.transfer_date < $transferred_before)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(src)
OPTIONAL MATCH (src)-[:FOUND_IN]->(r:Round)
RETURN c.id AS clue_id, c.code AS code, c.transfer_date AS transfer_date, c.receiver AS receiver,
       collect(DISTINCT src.id) AS source_ids, collect(DISTINCT r.id) AS round_ids
ORDER BY transfer_date, clue_id
