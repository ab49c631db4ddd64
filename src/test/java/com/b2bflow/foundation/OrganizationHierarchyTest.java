package com.b2bflow.foundation;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestTiers;
import org.junit.jupiter.api.Tag;

/** The organization hierarchy on H2. */
@Tag(TestTiers.DATABASE)
@IntegrationTest
class OrganizationHierarchyTest extends OrganizationHierarchyContract {}
