package com.b2bflow.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the token buckets of the sign-in throttle and the public rate limit live, one per purpose and client
 * address. On PostgreSQL in the table {@code rate_limit_bucket}, which every node shares (Bucket4j's JDBC proxy
 * manager, a row lock per bucket): a cluster allows each limit once, not once per node. On H2 (a single node) in a
 * Caffeine cache of at most {@code app.security.rate-limit.memory-buckets} buckets with tokens left. Neither is
 * flushed by volume: a bucket is dropped once it is full again (it then says nothing a new bucket would not), the
 * table has no size limit, and the cache never evicts an empty bucket to make room (see {@link #inMemory}). See
 * docs/adr/0009-shared-rate-limits.md.
 *
 * <p>If the storage fails (the database is away), requests are let through: what they ask for needs the same
 * database and answers 503 itself.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitBuckets {

    static final String TABLE = "rate_limit_bucket";
    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);
    /** How long a bucket is kept after it is full again. */
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

    private static final int CLEANUP_BATCH = 1000;

    private final ProxyManager<String> buckets;

    @Autowired
    RateLimitBuckets(DataSource dataSource, RateLimitProperties properties) {
        this(isPostgres(dataSource) ? inDatabase(dataSource) : inMemory(properties.memoryBuckets()));
    }

    RateLimitBuckets(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    static ProxyManager<String> inDatabase(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
    }

    /**
     * Empty buckets weigh nothing, and Caffeine never evicts an entry of weight zero to make room: however many
     * addresses send, a throttled one stays until its bucket is full again. So the cache holds at most
     * {@code maximumSize} buckets with tokens left, plus the empty ones, which a sender has to pay for with a full
     * bucket's worth of requests each and which expire with their window.
     */
    static ProxyManager<String> inMemory(long maximumSize) {
        Caffeine<String, RemoteBucketState> cache = Caffeine.newBuilder()
                .maximumWeight(maximumSize)
                .weigher((String key, RemoteBucketState state) -> state.getAvailableTokens() < 1 ? 0 : 1);
        return Bucket4jCaffeine.<String>builderFor(cache)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
    }

    /** Takes a token for the key; empty when there was one, otherwise the seconds until there is one again. */
    OptionalLong take(String key, Limit limit) {
        try {
            ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Math.max(
                            1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
        } catch (RuntimeException storageFailed) {
            log.warn("Rate limit storage failed; request let through: {}", storageFailed.toString());
            return OptionalLong.empty();
        }
    }

    /** Whether the key's bucket is empty (without taking a token). */
    boolean isEmpty(String key, Limit limit) {
        try {
            return bucket(key, limit).getAvailableTokens() < 1;
        } catch (RuntimeException storageFailed) {
            log.warn("Rate limit storage failed; request let through: {}", storageFailed.toString());
            return false;
        }
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.builder()
                .build(
                        key,
                        () -> BucketConfiguration.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(limit.tokens())
                                        .refillGreedy(limit.tokens(), limit.window())
                                        .build())
                                .build());
    }

    /** Deletes the rows of buckets that are full again (PostgreSQL); nodes running it at once skip each other's rows. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void removeFullBuckets() {
        if (buckets instanceof ExpiredEntriesCleaner cleaner) {
            try {
                while (cleaner.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
                    // the next batch
                }
            } catch (RuntimeException storageFailed) {
                log.warn("Could not remove full rate limit buckets: {}", storageFailed.toString());
            }
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the rate limits", e);
        }
    }

    /** A token bucket's size and the time in which an empty one fills up again (gradually). */
    record Limit(long tokens, Duration window) {}
}
