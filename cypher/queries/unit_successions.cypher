// name: unit_successions
// answers: 机构沿革：哪些单位在机构改革中更名、合并或撤并为另一单位（旧单位 → 新单位、日期、方式），供重复问题和时间线把前后单位视为一个。
// params: unit_id
// :param {unit_id: null}
MATCH (old:Unit)-[s:SUCCEEDED_BY]->(new:Unit)
WHERE $unit_id IS NULL OR old.id = $unit_id OR new.id = $unit_id
RETURN old.id AS unit_id, old.name AS unit_name, new.id AS successor_id, new.name AS successor_name,
       s.on AS on, s.mode AS mode
ORDER BY unit_id, successor_id
