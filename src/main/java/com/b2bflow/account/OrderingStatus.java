package com.b2bflow.account;

import com.b2bflow.member.ApprovalState;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a user may order and, when not, the first reason that stands in the way, in the order a buyer can act on
 * them: their own account, their organization, then the contract. {@code startsOn} is the first day of the earliest
 * contract not yet in force ({@link Reason#CONTRACT_NOT_STARTED} only).
 */
public record OrderingStatus(Reason reason, LocalDate startsOn) {

    /** Why ordering is not possible (null reason: it is). Message keys are {@code ordering.reason.<name>}. */
    public enum Reason {
        USER_DISABLED,
        USER_AWAITING_APPROVAL,
        USER_NOT_APPROVED,
        ORGANIZATION_AWAITING_APPROVAL,
        ORGANIZATION_NOT_APPROVED,
        NO_CONTRACT,
        CONTRACT_NOT_STARTED;

        /** The message key of this reason. */
        public String messageKey() {
            return "ordering.reason." + name();
        }
    }

    public static final OrderingStatus MAY_ORDER = new OrderingStatus(null, null);

    public boolean mayOrder() {
        return reason == null;
    }

    /**
     * The rule, from facts only: the user's state, their organization's state and the contracts they order under
     * (those of active accounts that have not ended, as {@link Contracts#orderingUnder} gives them).
     */
    public static OrderingStatus of(
            boolean userEnabled,
            ApprovalState userState,
            ApprovalState organizationState,
            List<ContractView> contracts) {
        if (!userEnabled) {
            return new OrderingStatus(Reason.USER_DISABLED, null);
        }
        if (userState != ApprovalState.APPROVED) {
            return new OrderingStatus(
                    userState == ApprovalState.PENDING ? Reason.USER_AWAITING_APPROVAL : Reason.USER_NOT_APPROVED,
                    null);
        }
        if (organizationState != ApprovalState.APPROVED) {
            return new OrderingStatus(
                    organizationState == ApprovalState.PENDING
                            ? Reason.ORGANIZATION_AWAITING_APPROVAL
                            : Reason.ORGANIZATION_NOT_APPROVED,
                    null);
        }
        if (contracts.stream().anyMatch(ContractView::inForce)) {
            return MAY_ORDER;
        }
        return contracts.stream()
                .filter(contract -> contract.state() == AccountState.ACTIVE)
                .map(ContractView::validFrom)
                .min(Comparator.naturalOrder())
                .map(first -> new OrderingStatus(Reason.CONTRACT_NOT_STARTED, first))
                .orElseGet(() -> new OrderingStatus(Reason.NO_CONTRACT, null));
    }
}
