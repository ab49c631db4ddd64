package com.b2bflow.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * With the {@code cluster} profile, HTTP sessions (storefront sign-in, CSRF token, acting on behalf) live in the
 * shared database, so any node can serve any request. Without it sessions are node-local: route each client to
 * one node (sticky sessions), as the docker stack does by giving each node its own port.
 */
@Configuration
@Profile("cluster")
@EnableJdbcHttpSession(tableName = "SPRING_SESSION")
class SharedSessions {}
