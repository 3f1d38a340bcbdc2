// Uniqueness of id: on the shared Entity label (used by generic lookups) and on every kind's label.
// {label} is filled only from graph.model.NodeKind, never from input.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT {label_lower}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;
