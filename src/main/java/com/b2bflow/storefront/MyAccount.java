package com.b2bflow.storefront;

import com.b2bflow.account.ContractView;
import java.util.List;

/**
 * What My Account shows a signed-in storefront user, with the contracts they order under (their organization's and
 * its parents', not ended) and until when.
 */
public record MyAccount(
        long userId,
        String logonId,
        String displayName,
        long organizationId,
        String organizationName,
        String organizationState,
        List<String> roles,
        boolean mayOrder,
        List<ContractView> contracts) {}
