// name: round_data_requests
// answers: 一轮巡察的巡前数据调取：向哪个单位调取什么、何时调取、要求何时反馈、何时反馈、反馈了什么。
// params: round_id
// :param {round_id: 'rnd_0123456789abcdef'}
MATCH (q:DataRequest)-[:REQUESTED_IN]->(r:Round {id: $round_id})
OPTIONAL MATCH (q)-[:REQUESTED_FROM]->(u:Unit)
RETURN q.id AS request_id, q.code AS code, q.request AS request, q.requested_date AS requested_date,
       q.due_date AS due_date, q.answered_date AS answered_date, q.response AS response,
       u.id AS body_id, u.name AS body_name
ORDER BY requested_date, code, request_id
