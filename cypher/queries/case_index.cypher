// name: case_index
// answers: 案件目录：每件案件的编号、立案日期，及其线索、来源问题（或监督发现）和轮次；可按轮次、立案期间或由线索/问题反查案件。
// params: round_id, item_id, opened_from, opened_to
// :param {round_id: null, item_id: null, opened_from: null, opened_to: null}
MATCH (k:Case)
WHERE ($opened_from IS NULL OR k.opened >= $opened_from) AND ($opened_to IS NULL OR k.opened <= $opened_to)
OPTIONAL MATCH (k)-[:OPENED_FROM]->(c:Clue)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(src)
OPTIONAL MATCH (src)-[:FOUND_IN]->(r:Round)
WITH k, collect(DISTINCT c.id) AS clue_ids, collect(DISTINCT src.id) AS source_ids, collect(DISTINCT r.id) AS round_ids
WHERE ($round_id IS NULL OR $round_id IN round_ids)
  AND ($item_id IS NULL OR k.id = $item_id OR $item_id IN clue_ids OR $item_id IN source_ids)
RETURN k.id AS case_id, k.code AS code, k.opened AS opened, clue_ids, source_ids, round_ids
ORDER BY opened, case_id
