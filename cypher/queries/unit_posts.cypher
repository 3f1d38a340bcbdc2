// name: unit_posts
// answers: 某单位（村两委）的全部任职：人员、职务、是否一把手、任职起止。
// params: unit_id
// :param {unit_id: 'unit_0123456789abcdef'}
MATCH (p:Person)-[h:HOLDS_POST]->(:Unit {id: $unit_id})
RETURN p.id AS person_id, p.name AS person_name, h.post AS post, coalesce(h.first_in_command, false) AS first_in_command,
       coalesce(h.team_member, true) AS team_member, h.start AS start, h.end AS end
ORDER BY start, person_id, post
