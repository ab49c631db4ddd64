package com.b2bflow.foundation;

import com.b2bflow.support.IntegrationTest;

/** The organization hierarchy on H2. */
@IntegrationTest
class OrganizationHierarchyTest extends OrganizationHierarchyContract {
}
