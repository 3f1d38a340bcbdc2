// name: category_issues
// answers: 某一类别（可限定某县）的全部问题及其单位、轮次、整改状态、最晚整改期限、未完成任务数、是否整改后复发，供类案比对。
// params: category, county
// :param {category: '三资管理', county: null}
MATCH (i:Issue {category: $category})-[:FOUND_AT]->(u:Unit)
WHERE $county IS NULL OR u.county = $county
MATCH (i)-[:FOUND_IN]->(r:Round)
OPTIONAL MATCH (t:Task)-[:RECTIFIES]->(i)
WITH i, u, r, max(t.deadline) AS deadline,
     count(CASE WHEN t IS NOT NULL AND NOT t.status IN ['done', 'closed'] THEN 1 END) AS open_tasks
OPTIONAL MATCH (i)-[rep:REPEATS]->(:Issue)
WITH i, u, r, deadline, open_tasks, count(CASE WHEN rep.relapse THEN 1 END) > 0 AS relapse
RETURN i.id AS issue_id, u.id AS unit_id, u.name AS unit_name, r.id AS round_id, r.title AS round_title,
       r.start AS round_start, i.found_date AS found_date, i.status AS status, i.text AS text, deadline,
       open_tasks, relapse
ORDER BY issue_id
