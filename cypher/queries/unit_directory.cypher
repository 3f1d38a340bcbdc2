// name: unit_directory
// answers: 某县（或全部）单位的名称、所属乡镇、别名和类别，供台账载入时按名称找单位。
// params: county
// :param {county: '宁川县'}
MATCH (u:Unit)
WHERE $county IS NULL OR u.county = $county
RETURN u.id AS id, u.name AS name, u.county AS county, coalesce(u.parent_name, '') AS parent_name,
       coalesce(u.aliases, []) AS aliases, u.unit_kind AS unit_kind
ORDER BY id
