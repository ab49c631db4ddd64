package com.b2bflow.access;

import com.b2bflow.member.ApprovalState;
import com.b2bflow.member.RoleAssignment;
import com.b2bflow.member.RoleAssignmentRepository;
import com.b2bflow.member.Roles;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.security.BuyerPrincipal;
import com.b2bflow.security.StaffPrincipal;
import com.b2bflow.staff.StaffGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves the {@link Actor} of a request from the signed-in principal, the member tables (roles and state are read
 * afresh on every request, so a disabled buyer admin loses their rights at once) and the CSR's on-behalf session.
 */
@Component
public class Actors {

    private final UserRepository users;
    private final RoleAssignmentRepository roles;
    private final OnBehalfSessions onBehalfSessions;

    public Actors(UserRepository users, RoleAssignmentRepository roles, OnBehalfSessions onBehalfSessions) {
        this.users = users;
        this.roles = roles;
        this.onBehalfSessions = onBehalfSessions;
    }

    public Actor current(HttpServletRequest request) {
        return resolve(
                SecurityContextHolder.getContext().getAuthentication(),
                onBehalfSessions.current(request).orElse(null));
    }

    @Transactional(readOnly = true)
    public Actor resolve(Authentication authentication, OnBehalf onBehalf) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Actor.anonymous();
        }
        if (authentication.getPrincipal() instanceof BuyerPrincipal buyer) {
            return users.findById(buyer.userId())
                    .map(this::buyer)
                    .orElseGet(() -> new Actor(buyer.logonId(), buyer.displayName(), true, Set.of(), null, null, null));
        }
        if (authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return staff(staff, onBehalf);
        }
        return new Actor(authentication.getName(), authentication.getName(), true, Set.of(), null, null, null);
    }

    private Actor buyer(User user) {
        Set<Hat> hats = EnumSet.noneOf(Hat.class);
        if (isActive(user)) {
            List<String> userRoles = roleNames(user);
            hats.add(Hat.BUYER);
            if (userRoles.contains(Roles.BUYER_APPROVER)) {
                hats.add(Hat.BUYER_APPROVER);
            }
            if (Roles.administers(userRoles)) {
                hats.add(Hat.BUYER_ADMIN);
            }
        }
        return new Actor(
                user.getLogonId(),
                user.getDisplayName(),
                true,
                hats,
                user.getId(),
                user.getOrganization().getId(),
                null);
    }

    private Actor staff(StaffPrincipal staff, OnBehalf onBehalf) {
        Set<Hat> hats = EnumSet.noneOf(Hat.class);
        if (staff.groups().contains(StaffGroups.CUSTOMER_SERVICE)) {
            hats.add(Hat.CUSTOMER_SERVICE);
        }
        if (staff.groups().contains(StaffGroups.SELLER_ADMINS)) {
            hats.add(Hat.SELLER_ADMIN);
        }
        if (staff.groups().contains(StaffGroups.SITE_ADMINS)) {
            hats.add(Hat.SITE_ADMIN);
        }
        if (staff.groups().contains(StaffGroups.ACCOUNT_REPS)) {
            hats.add(Hat.ACCOUNT_REP);
        }
        if (onBehalf == null
                || !hats.contains(Hat.CUSTOMER_SERVICE)
                || !onBehalf.csrId().equals(staff.userId())) {
            return new Actor(staff.userId(), staff.displayName(), true, hats, null, null, null);
        }
        Optional<User> customer = users.findById(onBehalf.customerUserId());
        if (customer.isPresent() && Roles.administers(roleNames(customer.get()))) {
            hats.add(Hat.ON_BEHALF);
        }
        // a customer deleted meanwhile leaves the CSR with the banner (to stop) and nothing to act on
        return new Actor(
                staff.userId(),
                staff.displayName(),
                true,
                hats,
                customer.map(User::getId).orElse(null),
                customer.map(c -> c.getOrganization().getId()).orElse(null),
                onBehalf);
    }

    private List<String> roleNames(User user) {
        return roles.findByUser(user).stream()
                .map(RoleAssignment::getRole)
                .distinct()
                .toList();
    }

    private static boolean isActive(User user) {
        return user.isEnabled() && user.getRegistrationState() == ApprovalState.APPROVED;
    }
}
