// name: linkage_handoffs
// answers: 贯通联动的移交链条：由若干问题或监督发现引出、或涉及若干人员的问题线索，及其接收单位、处置方式和日期、据以立案的案件及结果。
// params: item_ids, person_ids
// :param {item_ids: ['iss_0123456789abcdef'], person_ids: []}
CALL () {
  MATCH (s:Entity) WHERE s.id IN $item_ids  // from the items' id index, never a scan of every clue
  MATCH (c:Clue)-[:ARISES_FROM]->(s) RETURN c
  UNION
  MATCH (c:Clue)-[:INVOLVES]->(p:Person) WHERE p.id IN $person_ids RETURN c
  UNION
  MATCH (k:Case)-[:INVOLVES]->(p:Person) WHERE p.id IN $person_ids
  MATCH (k)-[:OPENED_FROM]->(c:Clue) RETURN c
}
CALL (c) {
  OPTIONAL MATCH (c)-[:ARISES_FROM]->(s)
  RETURN collect(DISTINCT s.id) AS source_ids
}
CALL (c) {
  OPTIONAL MATCH (c)-[:INVOLVES]->(p:Person)
  RETURN collect(DISTINCT p.id) AS person_ids
}
OPTIONAL MATCH (c)-[:TRANSFERRED_TO]->(recv:Unit)
OPTIONAL MATCH (k:Case)-[:OPENED_FROM]->(c)
CALL (k) {
  OPTIONAL MATCH (k)-[:INVOLVES]->(q:Person)
  RETURN collect(DISTINCT q.id) AS case_person_ids
}
RETURN c.id AS clue_id, c.code AS clue_code, c.source_channel AS channel, c.transfer_date AS transfer_date,
       recv.id AS receiver_id, recv.name AS receiver_name, c.disposal AS disposal, c.disposal_date AS disposal_date,
       source_ids, person_ids, k.id AS case_id, k.code AS case_code, k.opened AS opened, k.closed AS closed,
       k.outcome AS outcome, case_person_ids
ORDER BY transfer_date, clue_id, receiver_id, case_id
