// name: document_edges
// answers: 某个台账文件的各行写下的关系（关系的来源文件是它，或也载于它）及给出各条关系的文件，再次载入时据此找出文件中已删去或已改的行所载的关系。
// params: doc
// :param {doc: 'doc_0123456789abcdef'}
MATCH (s:Entity)-[r]->(t:Entity)
WHERE r.source_doc = $doc OR $doc IN coalesce(r.also_from, [])
RETURN r.id AS id, type(r) AS type, s.id AS src, [l IN labels(s) WHERE l <> 'Entity'][0] AS src_kind, t.id AS dst,
       [l IN labels(t) WHERE l <> 'Entity'][0] AS dst_kind,
       r.source_sheet AS sheet, r.source_row AS row, r.source_doc AS source_doc,
       coalesce(r.also_from, []) AS also_from
ORDER BY id
