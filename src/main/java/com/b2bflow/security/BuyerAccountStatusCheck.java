package com.b2bflow.security;

import com.b2bflow.member.ApprovalState;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/** Runs after the password check, so only someone who knows the password learns the account's state. */
class BuyerAccountStatusCheck implements UserDetailsChecker {

    @Override
    public void check(UserDetails details) {
        BuyerPrincipal buyer = (BuyerPrincipal) details;
        if (buyer.registrationState() == ApprovalState.PENDING) {
            throw new AccountNotUsableException(AccountNotUsableException.Reason.PENDING);
        }
        if (buyer.registrationState() == ApprovalState.REJECTED) {
            throw new AccountNotUsableException(AccountNotUsableException.Reason.REJECTED);
        }
        if (!buyer.enabled()) {
            throw new AccountNotUsableException(AccountNotUsableException.Reason.DISABLED);
        }
    }
}
