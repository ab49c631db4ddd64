-- An index on ACT_RU_JOB.DUEDATE_, which Camunda does not create. The job executor's acquisition query asks for jobs
-- that are due (DUEDATE_ IS NULL OR DUEDATE_ <= now); without an index PostgreSQL reads every job, and every open
-- registration has two SLA timer jobs per staff task, so each acquisition (several per second while jobs run) cost
-- time in proportion to the open registrations: 22 ms with 10,000 open (20,000 timer jobs), 0.04 ms with the index
-- (bench/RESULTS.md). IF NOT EXISTS: databases from before the engine schema came under Flyway have it already (an
-- engine plugin created it at every start).
CREATE INDEX IF NOT EXISTS B2B_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
