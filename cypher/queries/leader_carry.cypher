// name: leader_carry
// answers: 问题跟人走：同一人任一把手期间，在不同单位被发现同一类别的问题。
// params: person_id, min_units
// :param {person_id: null, min_units: 2}
MATCH (p:Person)-[h:HOLDS_POST]->(u:Unit)<-[:FOUND_AT]-(i:Issue)
WHERE h.first_in_command = true AND ($person_id IS NULL OR p.id = $person_id)
  AND h.start <= i.found_date AND (h.end IS NULL OR i.found_date <= h.end)
WITH p, i.category AS category, collect(DISTINCT u.id) AS units, collect(DISTINCT i.id) AS issues
WHERE size(units) >= $min_units
RETURN p.id AS person_id, p.name AS name, category, units, issues
ORDER BY person_id, category
