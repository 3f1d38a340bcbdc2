// name: sources_of
// answers: 若干节点各自来自哪个文件的哪个工作表、哪一行（或段落）。
// params: ids
// :param {ids: ['iss_0123456789abcdef']}
MATCH (n:Entity)-[s:SOURCED_FROM]->(d:Document)
WHERE n.id IN $ids
RETURN n.id AS id, d.path AS path, s.sheet AS sheet, s.row AS row, s.paragraph AS paragraph, s.place AS place,
       s.entry AS entry
ORDER BY id, path, sheet, row
