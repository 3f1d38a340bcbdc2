// name: tasks_of_issues
// answers: 若干问题的整改任务：层级、措施、责任人、时限、完成日期、状态、佐证材料。
// params: issue_ids
// :param {issue_ids: ['iss_0123456789abcdef']}
MATCH (t:Task)-[:RECTIFIES]->(i:Issue)
WHERE i.id IN $issue_ids
RETURN i.id AS issue_id, t.id AS task_id, t.seq AS seq, t.level AS level, t.measure AS measure, t.owner AS owner,
       t.deadline AS deadline, t.done_date AS done_date, t.status AS status, t.evidence AS evidence
ORDER BY issue_id, seq, task_id
