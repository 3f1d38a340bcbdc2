// Lookup indexes: names, rounds, categories, dates, relationship ids.
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX issue_round IF NOT EXISTS FOR (n:Issue) ON (n.round_id);
CREATE INDEX issue_category IF NOT EXISTS FOR (n:Issue) ON (n.category);
CREATE INDEX issue_found_date IF NOT EXISTS FOR (n:Issue) ON (n.found_date);
CREATE INDEX clue_transfer_date IF NOT EXISTS FOR (n:Clue) ON (n.transfer_date);
CREATE INDEX round_start IF NOT EXISTS FOR (n:Round) ON (n.start);
CREATE INDEX {type_lower}_id IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id);
