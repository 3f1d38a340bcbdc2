// name: issues_under_leader
// answers: 某人担任一把手期间，其所在单位被发现的问题（用于“问题跟人走”）。
// params: person_id
// :param person_id => 'per_0123456789abcdef'
MATCH (:Person {id: $person_id})-[h:HOLDS_POST]->(u:Unit)<-[:FOUND_AT]-(i:Issue)
WHERE h.first_in_command = true AND h.start <= i.found_date AND (h.end IS NULL OR i.found_date <= h.end)
RETURN DISTINCT i.id AS issue_id, u.id AS unit_id, u.name AS unit_name, i.round_id AS round_id,
       i.category AS category, i.found_date AS found_date, i.text AS text
ORDER BY found_date, unit_id, issue_id
