// name: linkage_directives
// answers: 反馈意见和讲话稿中交办其他机关的事项（交办事项）：涉及哪个问题或单位、交给谁、要求做什么、何时交办、是否办结。
// params: about_ids
// :param {about_ids: ['iss_0123456789abcdef', 'unit_0123456789abcdef']}
UNWIND $about_ids AS about_id
MATCH (d:Directive)-[:DIRECTIVE_ABOUT]->(:Entity {id: about_id})
OPTIONAL MATCH (d)-[:DIRECTED_TO]->(u:Unit)
WITH DISTINCT d, about_id, u
RETURN d.id AS directive_id, about_id, d.body AS body, d.request AS request, d.text AS text,
       toString(d.issued_date) AS issued_date, toString(d.answered_date) AS answered_date, d.response AS response,
       u.id AS body_unit_id, u.name AS body_unit_name
ORDER BY coalesce(issued_date, ''), directive_id, about_id, coalesce(body_unit_id, '')
