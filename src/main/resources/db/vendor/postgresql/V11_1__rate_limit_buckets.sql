-- Token buckets of the sign-in throttle and the public rate limit (security/RateLimitBuckets), one row per purpose and
-- client address, shared by every node. The layout is Bucket4j's JDBC proxy manager's; expires_at (epoch millis) is
-- when the bucket is full again, and rows past it are deleted in batches.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(160) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
