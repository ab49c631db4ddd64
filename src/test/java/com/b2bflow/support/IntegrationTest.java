package com.b2bflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the whole application over HTTP ({@link WholeApplication}); tagged {@code integration}, so it runs in
 * the integration-test phase of {@code mvn verify}, not in {@code mvn test} (see docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WholeApplication
@Tag(TestTiers.INTEGRATION)
public @interface IntegrationTest {}
