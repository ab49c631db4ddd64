package com.b2bflow.buyeradmin;

import com.b2bflow.access.Actor;
import com.b2bflow.security.LoginThrottle;
import com.b2bflow.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Seller and site administrators lift a storefront account's sign-in lock (HTTP Basic, like all /api/staff). */
@RestController
@ProblemResponses
@RequestMapping("/api/staff")
@Tag(name = "Staff: accounts")
class StaffUnlockController {

    private final LoginThrottle throttle;

    StaffUnlockController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @PostMapping("/users/{id}/unlock")
    @Operation(
            summary = "Unlock a storefront account locked after failed sign-ins",
            description = "Lifts the lock and resets the count of failed sign-ins; audited as ACCOUNT_UNLOCKED.")
    ResponseEntity<Void> unlock(Actor actor, @PathVariable long id) {
        if (!throttle.unlock(id, actor.id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No storefront user with this id");
        }
        return ResponseEntity.noContent().build();
    }
}
