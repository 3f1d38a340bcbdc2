// name: person_timeline
// answers: 某人的任职经历（单位、职务、是否一把手、起止时间），按时间排序。
// params: person_id
// :param person_id => 'per_0123456789abcdef'
MATCH (:Person {id: $person_id})-[h:HOLDS_POST]->(u:Unit)
RETURN u.id AS unit_id, u.name AS unit_name, h.post AS post, coalesce(h.first_in_command, false) AS first_in_command,
       h.start AS start, h.end AS end
ORDER BY start, unit_id, post
