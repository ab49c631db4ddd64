-- Partial indexes on ACT_RU_AUTHORIZATION for the rows that grant reading tasks (READ on a task, READ_TASK on a
-- process definition). A task query's authorization check reads the querying user's and groups' grants whose
-- permissions include the one checked (PERMS_ & 2 = 2); the per-task authorizations that let a candidate group work
-- each of its tasks (staff/CandidateGroupAuthorizations: UPDATE only) belong to the same group, so without these
-- indexes the check read and discarded every one of them: 100,001 rows for the seller administrators with 100,000
-- open registrations (bench/RESULTS.md). The indexes hold only the few granting rows, and writing a per-task
-- authorization does not touch them. H2 has no partial indexes: no such migration there (the scale benchmark runs on
-- PostgreSQL). IF NOT EXISTS: databases from before the engine schema came under Flyway have them already.
CREATE INDEX IF NOT EXISTS B2B_IDX_AUTH_READ ON ACT_RU_AUTHORIZATION (RESOURCE_TYPE_, GROUP_ID_) WHERE (PERMS_ & 2) = 2;
CREATE INDEX IF NOT EXISTS B2B_IDX_AUTH_READ_TASK ON ACT_RU_AUTHORIZATION (RESOURCE_TYPE_, GROUP_ID_)
    WHERE (PERMS_ & 64) = 64;
