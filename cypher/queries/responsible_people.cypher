// name: responsible_people
// answers: 对若干问题负有责任的人：一把手（主体责任，按任职推定）和分管班子成员（一岗双责）。
// params: issue_ids
// :param {issue_ids: ['iss_0123456789abcdef']}
MATCH (p:Person)-[r:RESPONSIBLE_FOR]->(i:Issue)
WHERE i.id IN $issue_ids
RETURN i.id AS issue_id, p.id AS person_id, p.name AS name, r.role AS role, r.derived AS derived
ORDER BY issue_id, role, person_id
