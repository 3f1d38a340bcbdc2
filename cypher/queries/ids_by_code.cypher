// name: ids_by_code
// answers: 按编号（问题编号、线索编号、监督发现编号、统一社会信用代码）找节点，供台账之间相互引用。
// params: kind, codes
// :param {kind: 'Issue', codes: ['宁川0001-14-1-01']}
MATCH (n:Entity)
WHERE $kind IN labels(n) AND coalesce(n.code, n.credit_code) IN $codes
RETURN coalesce(n.code, n.credit_code) AS code, n.id AS id
ORDER BY code, id
