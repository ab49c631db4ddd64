package com.b2bflow.member;

/** O: organization; OU: organizational unit (a sub-organization). */
public enum OrganizationType {
    O,
    OU
}
