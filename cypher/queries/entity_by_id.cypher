// name: entity_by_id
// answers: 按标识查找一个实体（任意类别）及其全部属性。One entity of any kind, with all its properties.
// params: id
// :param id => 'unit_0123456789abcdef'
MATCH (n:Entity {id: $id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, properties(n) AS props
