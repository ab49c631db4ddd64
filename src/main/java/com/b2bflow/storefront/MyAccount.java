package com.b2bflow.storefront;

import java.util.List;

/** What My Account shows a signed-in storefront user. */
public record MyAccount(long userId, String logonId, String displayName, long organizationId,
                        String organizationName, String organizationState, List<String> roles, boolean mayOrder) {
}
