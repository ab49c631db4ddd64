package com.b2bflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The application without its web layer: the real engine, delegates, database and SMTP server (see
 * application-test), but no server, REST API, webapps or security filter chains. What a process test needs.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // the engine's REST API is a web part too (Camunda's configuration of it does not ask); the session one is
        // application.yaml's own exclusion, which this list replaces
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@TestExecutionListeners(
        listeners = CurrentProcessEngine.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@interface EngineApplication {}
