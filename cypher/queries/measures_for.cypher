// name: measures_for
// answers: 回应若干建议函、案件或问题的系统整改举措（专项治理、制度建设）及出台单位。
// params: target_ids
// :param {target_ids: ['let_0123456789abcdef']}
MATCH (m:Measure)-[:RESPONDS_TO]->(t)
WHERE t.id IN $target_ids
OPTIONAL MATCH (m)-[:ISSUED_BY]->(u:Unit)
RETURN m.id AS measure_id, m.code AS code, m.measure_kind AS measure_kind, m.title AS title,
       m.issued_date AS issued_date, t.id AS target_id, u.id AS issuer_id, u.name AS issuer_name
ORDER BY issued_date, measure_id, target_id
