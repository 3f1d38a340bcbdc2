// name: round_counts
// answers: 每轮巡察的发现问题数、已整改数、整改任务及完成数、移交线索数、立案数和整改率。
// params: round_id
// :param round_id => null
MATCH (r:Round)
WHERE $round_id IS NULL OR r.id = $round_id
CALL (r) {
  OPTIONAL MATCH (i:Issue)-[:FOUND_IN]->(r)
  RETURN count(i) AS issues, count(CASE WHEN i.status = 'rectified' THEN 1 END) AS rectified
}
CALL (r) {
  OPTIONAL MATCH (t:Task)-[:RECTIFIES]->(:Issue)-[:FOUND_IN]->(r)
  RETURN count(t) AS tasks, count(CASE WHEN t.status IN ['done', 'closed'] THEN 1 END) AS tasks_done
}
CALL (r) {
  OPTIONAL MATCH (c:Clue)-[:ARISES_FROM]->(:Issue)-[:FOUND_IN]->(r)
  RETURN count(DISTINCT c) AS clues
}
CALL (r) {
  OPTIONAL MATCH (k:Case)-[:OPENED_FROM]->(:Clue)-[:ARISES_FROM]->(:Issue)-[:FOUND_IN]->(r)
  RETURN count(DISTINCT k) AS cases
}
RETURN r.id AS round_id, r.title AS title, r.start AS start, issues, rectified, tasks, tasks_done, clues, cases
ORDER BY r.county, start, round_id
