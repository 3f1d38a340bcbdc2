// name: case_chain
// answers: 一件案件的来龙去脉：案件（含纪检监察建议及其反馈）← 问题线索（移交、接收单位、处置）← 问题或其他监督发现（单位、轮次、类别、状态）。
// params: case_id
// :param {case_id: 'cas_0123456789abcdef'}
MATCH (k:Case {id: $case_id})
OPTIONAL MATCH (k)-[:OPENED_FROM]->(c:Clue)
OPTIONAL MATCH (c)-[:TRANSFERRED_TO]->(recv:Unit)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(src)
OPTIONAL MATCH (src)-[:FOUND_AT]->(u:Unit)
OPTIONAL MATCH (src)-[:FOUND_IN]->(r:Round)
RETURN k.id AS case_id, k.code AS case_code, k.opened AS opened, k.closed AS closed, k.outcome AS outcome,
       k.summary AS summary, k.suggestion AS suggestion, k.suggestion_response AS suggestion_response,
       k.suggestion_response_date AS suggestion_response_date,
       c.id AS clue_id, c.code AS clue_code, c.transfer_date AS transfer_date, recv.id AS receiver_id,
       recv.name AS receiver_name, c.disposal AS disposal, c.disposal_date AS disposal_date,
       src.id AS source_id, [l IN labels(src) WHERE l <> 'Entity'][0] AS source_kind, src.code AS source_code,
       src.text AS source_text, src.category AS category, src.found_date AS found_date, src.status AS source_status,
       u.id AS unit_id, u.name AS unit_name, u.unit_kind AS unit_kind, u.county AS county, r.id AS round_id, r.title AS round_title
ORDER BY clue_id, source_id
