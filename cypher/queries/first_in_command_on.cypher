// name: first_in_command_on
// answers: 某日某单位的一把手是谁（任职期间覆盖该日期的一把手职务）。
// params: unit_id, on
// :param {unit_id: 'unit_0123456789abcdef', on: '2023-04-02'}
MATCH (p:Person)-[h:HOLDS_POST]->(:Unit {id: $unit_id})
WHERE h.first_in_command = true AND h.start <= $on AND (h.end IS NULL OR $on <= h.end)
RETURN p.id AS person_id, p.name AS name, h.post AS post, h.start AS start, h.end AS end
ORDER BY start, person_id
