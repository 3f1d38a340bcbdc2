// name: people_in_many_clues
// answers: 在多条问题线索或案件中被反映的人员（线索及由其立案的案件算作同一件事）。
// params: min_matters
// :param {min_matters: 2}
MATCH (x)-[:INVOLVES]->(p:Person)
WHERE x:Clue OR x:Case
OPTIONAL MATCH (x)-[:OPENED_FROM]->(c:Clue)
WITH p, coalesce(c.id, x.id) AS matter, x.id AS item
WITH p, collect(DISTINCT matter) AS matters, collect(DISTINCT item) AS items
WHERE size(matters) >= $min_matters
RETURN p.id AS person_id, p.name AS name, size(matters) AS matters, items
ORDER BY matters DESC, person_id
