// Batched upsert of nodes of one kind; {label} comes from graph.model.NodeKind only.
// :param rows => [{id: 'unit_…', props: {name: '…'}}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:{label}
SET n += row.props
