// name: rectification_tasks
// answers: 若干轮次（或全部轮次）所发现问题的整改任务：状态、完成时限、措施、责任人，供整改看板一次读出全部任务。
// params: round_ids
// :param {round_ids: null}
MATCH (t:Task)-[:RECTIFIES]->(i:Issue)-[:FOUND_IN]->(r:Round)
WHERE $round_ids IS NULL OR r.id IN $round_ids
RETURN DISTINCT i.id AS issue_id, t.id AS task_id, t.status AS status, t.deadline AS deadline, t.measure AS measure,
       t.owner AS owner
ORDER BY issue_id, task_id
