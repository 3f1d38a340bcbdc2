// name: edge_writers
// answers: 本次载入某文件时要写的关系中，图里已有且另有文件给出的，以及给出它们的文件（最后写入的一份和其他各份），以便记下所有来源文件。
// params: edges, doc
// :param {edges: [{id: 'e_0123456789abcdef', src: 'iss_0123456789abcdef', dst: 'unit_0123456789abcdef'}], doc: 'doc_0123456789abcdef'}
UNWIND $edges AS e
MATCH (s:Entity {id: e.src})-[r]->(t:Entity {id: e.dst})
WHERE r.id = e.id AND (r.source_doc <> $doc OR size(coalesce(r.also_from, [])) > 0)
RETURN DISTINCT r.id AS id, r.source_doc AS source_doc, coalesce(r.also_from, []) AS also_from
ORDER BY id
