package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.TestDatabase;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The buckets of the rate limits cannot be flushed by sending from many addresses: an address that used up its
 * tokens stays refused while 200,000 other addresses each send a request (the in-memory cache holds at most 100,000
 * buckets), and the same on the PostgreSQL table with fewer addresses (the table has no size limit to run into).
 */
class RateLimitBucketsTest {

    static final RateLimitBuckets.Limit THREE_PER_HOUR = new RateLimitBuckets.Limit(3, Duration.ofHours(1));

    @Test
    void aThrottledAddressStaysThrottledWhile200000OtherAddressesSendInMemory() {
        RateLimitBuckets buckets = new RateLimitBuckets(RateLimitBuckets.inMemory(100_000));
        throttledStaysThrottled(buckets, 200_000);
    }

    @Test
    void aThrottledAddressStaysThrottledWhileOtherAddressesSendOnPostgresql() {
        DataSource database = postgres();
        RateLimitBuckets buckets = new RateLimitBuckets(RateLimitBuckets.inDatabase(database));
        throttledStaysThrottled(buckets, 2_000);
        buckets.removeFullBuckets();
        assertThat(buckets.take("public:203.0.113.7", THREE_PER_HOUR))
                .as("after the cleanup of full buckets")
                .isPresent();
    }

    private static void throttledStaysThrottled(RateLimitBuckets buckets, int otherAddresses) {
        String attacker = "public:203.0.113.7";
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(attacker, THREE_PER_HOUR)).isEmpty();
        }
        assertThat(buckets.take(attacker, THREE_PER_HOUR))
                .as("the fourth request")
                .isPresent();
        assertThat(buckets.isEmpty(attacker, THREE_PER_HOUR)).isTrue();

        for (int i = 0; i < otherAddresses; i++) {
            String other = "public:2001:db8::" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff);
            assertThat(buckets.take(other, THREE_PER_HOUR)).as(other).isEmpty();
        }

        assertThat(buckets.isEmpty(attacker, THREE_PER_HOUR))
                .as("still throttled after " + otherAddresses + " other addresses")
                .isTrue();
        assertThat(buckets.take(attacker, THREE_PER_HOUR)).isPresent();
    }

    private static DataSource postgres() {
        var properties = TestDatabase.postgresDatabase("b2b_buckets_" + System.nanoTime());
        DataSource dataSource = new SingleConnectionDataSource(
                String.valueOf(properties.get("spring.datasource.url")),
                String.valueOf(properties.get("spring.datasource.username")),
                String.valueOf(properties.get("spring.datasource.password")),
                true);
        new ResourceDatabasePopulator(new ClassPathResource("db/vendor/postgresql/V11_1__rate_limit_buckets.sql"))
                .execute(dataSource);
        return dataSource;
    }
}
