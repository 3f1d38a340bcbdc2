// name: profile_issues
// answers: 巡前画像：若干单位截至某日被发现的问题，一次取回：轮次及其名称、类别、整改状态、发现日期、截至该日逾期未完成的整改任务，以及它重复的此前问题（其中整改后复发的）。
// params: unit_ids, as_of
// :param {unit_ids: ['unit_0123456789abcdef'], as_of: '2024-06-30'}
MATCH (u:Unit)
USING INDEX u:Unit(id)
WHERE u.id IN $unit_ids
MATCH (i:Issue)-[:FOUND_AT]->(u)
WHERE i.found_date <= $as_of
OPTIONAL MATCH (r:Round {id: i.round_id})
CALL (i) {
  OPTIONAL MATCH (i)-[rp:REPEATS]->(b:Issue)
  RETURN collect(DISTINCT b.id) AS repeats_of,
         collect(DISTINCT CASE WHEN rp.relapse = true THEN b.id END) AS relapse_of
}
CALL (i) {
  OPTIONAL MATCH (t:Task)-[:RECTIFIES]->(i)
  WHERE t.deadline < $as_of AND (t.done_date IS NULL OR t.done_date > $as_of)
  RETURN collect(DISTINCT t.id) AS overdue_task_ids
}
RETURN u.id AS unit_id, i.id AS id, i.round_id AS round_id, r.title AS round_title, i.seq AS seq,
       i.category AS category, i.status AS status, i.found_date AS found_date, i.text AS text, repeats_of, relapse_of,
       overdue_task_ids
ORDER BY unit_id, found_date, seq, id
