// name: profile_posts
// answers: 巡前画像：若干单位（村两委或领导班子）的全部任职，一次取回：单位、人员、职务、是否一把手、任职起止。
// params: unit_ids
// :param {unit_ids: ['unit_0123456789abcdef']}
MATCH (u:Unit)
WHERE u.id IN $unit_ids
MATCH (p:Person)-[h:HOLDS_POST]->(u)
RETURN u.id AS unit_id, p.id AS person_id, p.name AS person_name, h.post AS post,
       coalesce(h.first_in_command, false) AS first_in_command, h.start AS start, h.end AS end
ORDER BY unit_id, start, person_id, post
