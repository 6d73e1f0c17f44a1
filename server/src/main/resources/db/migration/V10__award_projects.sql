-- An award of a clause that pays per project (per: project) names the project; its clause cap then counts per
-- project, every other cap per enterprise as before. Null for the clauses that pay an enterprise.
alter table award add column project_id bigint;
