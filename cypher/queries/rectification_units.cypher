// name: rectification_units
// answers: 整改看板按单位、乡镇统计时单位的名称、类别和所属乡镇（乡镇本身即为其所属乡镇）。
// params: unit_ids
// :param {unit_ids: ['unit_0123456789abcdef']}
MATCH (u:Unit)
WHERE u.id IN $unit_ids
OPTIONAL MATCH (u)-[:PART_OF]->(t:Unit {unit_kind: 'township'})
WITH u, t
ORDER BY t.id
WITH u, collect(t)[0] AS t
RETURN u.id AS unit_id, u.name AS unit_name, u.unit_kind AS unit_kind,
       CASE WHEN u.unit_kind = 'township' THEN u.id ELSE t.id END AS township_id,
       CASE WHEN u.unit_kind = 'township' THEN u.name ELSE t.name END AS township_name
ORDER BY unit_id
