// Batched upsert of relationships of one type between two kinds; {type}, {src}, {dst} come from the model's enums.
// Returns how many rows found both endpoints, so a dangling edge aborts the transaction.
// :param rows => [{id: 'e_…', src: 'per_…', dst: 'unit_…', props: {post: '…'}}]
UNWIND $rows AS row
MATCH (s:{src} {id: row.src})
MATCH (d:{dst} {id: row.dst})
MERGE (s)-[r:{type} {id: row.id}]->(d)
SET r += row.props
RETURN count(*) AS written
