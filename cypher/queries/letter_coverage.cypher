// name: letter_coverage
// answers: 巡察建议函涉及哪些问题、发给了哪个主管部门、是否已回复。
// params: letter_id
// :param {letter_id: null}
MATCH (l:Letter)-[:CONCERNS]->(i:Issue)
WHERE $letter_id IS NULL OR l.id = $letter_id
OPTIONAL MATCH (l)-[:ADDRESSED_TO]->(reg:Unit)
RETURN l.id AS letter_id, l.code AS code, l.sent_date AS sent_date, l.response AS response,
       reg.id AS regulator_id, reg.name AS regulator_name, collect(DISTINCT i.id) AS issues
ORDER BY letter_id, regulator_id
