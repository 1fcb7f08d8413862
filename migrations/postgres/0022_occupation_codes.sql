-- The occupation list became every ISCO-08 unit group with the Danish titles
-- within them (app/data/occupations.csv). Four titles of the old list sat in a
-- unit group that is not theirs and moved; what people saved moves with them:
-- vacancies, the occupations sought in CVs, and the searches of job agents and
-- candidate agents. Changed vacancies are noted in the outbox, so the open feed
-- tells of them; the indexes rebuild, as their schema versions changed too.

-- Laborant: chemical and physical science technicians
INSERT INTO index_outbox (entity, entity_id, created_at) SELECT 'vacancy', id, now() FROM vacancies WHERE occupation_code = '313110';
UPDATE vacancies SET occupation_code = '311110' WHERE occupation_code = '313110';
UPDATE jobseekers SET cv = replace(cv, '"code":"313110"', '"code":"311110"') WHERE cv LIKE '%"code":"313110"%';
UPDATE job_agents SET query = replace(query, 'fag=313110', 'fag=311110') WHERE query LIKE '%fag=313110%';
UPDATE candidate_agents SET query = replace(query, 'fag=313110', 'fag=311110') WHERE query LIKE '%fag=313110%';

-- Grafisk designer: graphic and multimedia designers
INSERT INTO index_outbox (entity, entity_id, created_at) SELECT 'vacancy', id, now() FROM vacancies WHERE occupation_code = '343210';
UPDATE vacancies SET occupation_code = '216610' WHERE occupation_code = '343210';
UPDATE jobseekers SET cv = replace(cv, '"code":"343210"', '"code":"216610"') WHERE cv LIKE '%"code":"343210"%';
UPDATE job_agents SET query = replace(query, 'fag=343210', 'fag=216610') WHERE query LIKE '%fag=343210%';
UPDATE candidate_agents SET query = replace(query, 'fag=343210', 'fag=216610') WHERE query LIKE '%fag=343210%';

-- IT-supporter: ICT user support technicians
INSERT INTO index_outbox (entity, entity_id, created_at) SELECT 'vacancy', id, now() FROM vacancies WHERE occupation_code = '351110';
UPDATE vacancies SET occupation_code = '351210' WHERE occupation_code = '351110';
UPDATE jobseekers SET cv = replace(cv, '"code":"351110"', '"code":"351210"') WHERE cv LIKE '%"code":"351110"%';
UPDATE job_agents SET query = replace(query, 'fag=351110', 'fag=351210') WHERE query LIKE '%fag=351110%';
UPDATE candidate_agents SET query = replace(query, 'fag=351110', 'fag=351210') WHERE query LIKE '%fag=351110%';

-- Lagermedarbejder: freight handlers
INSERT INTO index_outbox (entity, entity_id, created_at) SELECT 'vacancy', id, now() FROM vacancies WHERE occupation_code = '932910';
UPDATE vacancies SET occupation_code = '933310' WHERE occupation_code = '932910';
UPDATE jobseekers SET cv = replace(cv, '"code":"932910"', '"code":"933310"') WHERE cv LIKE '%"code":"932910"%';
UPDATE job_agents SET query = replace(query, 'fag=932910', 'fag=933310') WHERE query LIKE '%fag=932910%';
UPDATE candidate_agents SET query = replace(query, 'fag=932910', 'fag=933310') WHERE query LIKE '%fag=932910%';
