// name: first_in_command_on
// answers: 某日某单位的一把手是谁（任职期间覆盖该日期的一把手职务）；按机构沿革，改革前的日期也看前身单位（SUCCEEDED_BY 链上该日仍未改革的单位，最多 5 步），行中注明任职单位及是否前身单位。
// params: unit_id, on
// :param {unit_id: 'unit_0123456789abcdef', on: '2023-04-02'}
MATCH path = (held:Unit)-[:SUCCEEDED_BY*0..5]->(:Unit {id: $unit_id})
WHERE all(s IN relationships(path) WHERE s.on IS NULL OR $on < s.on)
MATCH (p:Person)-[h:HOLDS_POST]->(held)
WHERE h.first_in_command = true AND h.start <= $on AND (h.end IS NULL OR $on <= h.end)
RETURN DISTINCT p.id AS person_id, p.name AS name, h.post AS post, h.start AS start, h.end AS end,
       held.id AS unit_id, held.id <> $unit_id AS predecessor
ORDER BY start, person_id, unit_id
