-- The company that posted a vacancy (none for imported and demo vacancies). An
-- employer sees and manages only their own company's vacancies.
ALTER TABLE vacancies ADD COLUMN company_id BIGINT REFERENCES companies (id);
CREATE INDEX vacancies_company ON vacancies (company_id, id);
