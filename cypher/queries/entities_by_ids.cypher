// name: entities_by_ids
// answers: 按标识批量取节点及其全部属性（载入前比对哪些记录是新增、哪些会被改写）。
// params: ids
// :param {ids: ['unit_0123456789abcdef']}
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
ORDER BY id
