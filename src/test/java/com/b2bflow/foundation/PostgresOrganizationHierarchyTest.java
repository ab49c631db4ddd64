package com.b2bflow.foundation;

import com.b2bflow.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The organization hierarchy on PostgreSQL; shares its application context with {@link PostgresStartupTest}. */
@IntegrationTest
@TestPropertySource(properties = "test.database=postgres")
class PostgresOrganizationHierarchyTest extends OrganizationHierarchyContract {}
