package com.b2bflow.support;

/**
 * The JUnit 5 tags that place a test class in a tier of the build (pom.xml, docs/testing.md). Untagged classes are
 * unit tests and run in {@code mvn test}.
 */
public final class TestTiers {

    /** Boots the whole application and talks to it over HTTP: integration-test phase, on H2. */
    public static final String INTEGRATION = "integration";
    /** A path through a model on the real engine: {@code mvn test}, on H2. */
    public static final String PROCESS = "process";
    /** Behaviour that depends on the database (SQL, locking, constraints, migrations, concurrency): PostgreSQL too. */
    public static final String DATABASE = "database";
    /** Drives the real Chromium through Playwright. */
    public static final String BROWSER = "browser";
    /** Many concurrent requests or registrations. */
    public static final String LOAD = "load";
    /** Starts, kills or cuts off separate application processes (cluster, node kill, database outage). */
    public static final String NODES = "nodes";
    /** Property-based bad input (jqwik) against a running application. */
    public static final String BAD_INPUT = "bad-input";

    private TestTiers() {}
}
