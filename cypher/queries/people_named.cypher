// name: people_named
// answers: 同名人员及其任职（单位、起止），供台账载入时按“姓名+单位+任期”消歧。
// params: name
// :param {name: '张伟'}
MATCH (p:Person {name: $name})
OPTIONAL MATCH (p)-[h:HOLDS_POST]->(u:Unit)
RETURN p.id AS person_id, p.name AS name, p.birth_year AS birth_year, p.gender AS gender,
       p.id_hash IS NOT NULL AS has_id, u.id AS unit_id, h.start AS start, h.end AS end
ORDER BY person_id, unit_id, start
