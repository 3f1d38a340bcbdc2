// name: unit_predecessors
// answers: 机构沿革（往前追）：每个单位的前身单位（更名或并入，最多往前追五次改革）及前身单位终止的日期，供巡前画像把前身单位的记录并入。
// params: unit_ids
// :param {unit_ids: ['unit_0123456789abcdef']}
UNWIND $unit_ids AS uid
MATCH (u:Unit {id: uid})<-[:SUCCEEDED_BY*1..5]-(old:Unit)
WHERE old <> u
WITH DISTINCT uid, old
MATCH (old)-[s:SUCCEEDED_BY]->()
WITH uid, old, min(toString(s.on)) AS on
RETURN uid AS unit_id, old.id AS predecessor_id, on
ORDER BY unit_id, predecessor_id
