// name: repeat_candidates
// answers: 全部问题（或某单位的问题）及其单位、轮次、类别、整改状态和最晚整改期限，供重复问题比对。
// params: unit_id
// :param {unit_id: null}
MATCH (i:Issue)-[:FOUND_AT]->(u:Unit)
WHERE $unit_id IS NULL OR u.id = $unit_id
MATCH (i)-[:FOUND_IN]->(r:Round)
OPTIONAL MATCH (t:Task)-[:RECTIFIES]->(i)
WITH i, u, r, max(t.deadline) AS deadline
RETURN i.id AS issue_id, u.id AS unit_id, r.id AS round_id, r.title AS round_title, r.start AS round_start,
       i.category AS category, i.top_category AS top_category, i.status AS status, i.severity AS severity,
       i.found_date AS found_date, i.text AS text, deadline
ORDER BY issue_id
