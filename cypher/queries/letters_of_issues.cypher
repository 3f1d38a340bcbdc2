// name: letters_of_issues
// answers: 涉及若干问题的巡察建议函：文号、发函日期、主送单位、是否及何时反馈。
// params: issue_ids
// :param {issue_ids: ['iss_0123456789abcdef']}
MATCH (l:Letter)-[:CONCERNS]->(i:Issue)
WHERE i.id IN $issue_ids
OPTIONAL MATCH (l)-[:ADDRESSED_TO]->(u:Unit)
WITH l, u, collect(DISTINCT i.id) AS issue_ids
RETURN l.id AS letter_id, l.code AS code, l.subject AS subject, l.sent_date AS sent_date, l.response AS response,
       l.response_date AS response_date, u.id AS regulator_id, u.name AS regulator_name, issue_ids
ORDER BY sent_date, letter_id
