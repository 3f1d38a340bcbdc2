// name: rectification_issues
// answers: 若干轮次（或全部轮次）发现的问题：单位、类别、严重程度、整改状态，它是哪些此前已整改问题的复发，涉及它的建议函，以及它的整改任务（状态、时限、措施、责任人），供整改看板一次读出。
// params: round_ids
// :param {round_ids: null}
MATCH (i:Issue)-[:FOUND_IN]->(r:Round)
WHERE $round_ids IS NULL OR r.id IN $round_ids
MATCH (i)-[:FOUND_AT]->(u:Unit)
RETURN i.id AS issue_id, i.code AS code, i.text AS text, i.category AS category, i.top_category AS top_category,
       i.severity AS severity, i.status AS status, i.found_date AS found_date, r.id AS round_id, u.id AS unit_id,
       [(i)-[rep:REPEATS]->(e:Issue) WHERE rep.relapse = true | e.id] AS relapse_of,
       [(l:Letter)-[:CONCERNS]->(i) | l.id] AS letter_ids,
       COLLECT { MATCH (t:Task)-[:RECTIFIES]->(i)
                 RETURN DISTINCT {task_id: t.id, status: t.status, deadline: t.deadline, measure: t.measure,
                                  owner: t.owner} } AS tasks
ORDER BY round_id, unit_id, issue_id
