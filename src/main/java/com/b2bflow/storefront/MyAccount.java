package com.b2bflow.storefront;

import com.b2bflow.account.ContractView;
import com.b2bflow.account.OrderingStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * What My Account shows a signed-in storefront user, with the contracts they order under (their organization's and
 * its parents', not ended) and until when, and why ordering is not possible yet when it is not ({@code orderingReason},
 * with {@code orderingFrom} the first day of a contract not started yet).
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
        OrderingStatus.Reason orderingReason,
        LocalDate orderingFrom,
        List<ContractView> contracts) {}
