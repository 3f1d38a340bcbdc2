// name: linkage_people
// answers: 若干人员的姓名（贯通联动审查中的重合发现、缺失移交用）。
// params: person_ids
// :param {person_ids: ['per_0123456789abcdef']}
MATCH (p:Person)
WHERE p.id IN $person_ids
RETURN p.id AS person_id, p.name AS name
ORDER BY person_id
