package com.b2bflow.activation;

import com.b2bflow.audit.AuditLog;
import com.b2bflow.member.User;
import com.b2bflow.member.UserRepository;
import com.b2bflow.security.UserSessions;
import com.b2bflow.shared.FieldProblem;
import com.b2bflow.shared.InvalidRegistrationException;
import com.b2bflow.shared.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user changes their own password on My Account: the current password proves it is them (a session left
 * open on a shared computer is not enough), the new one follows the password policy, and a notice goes to the user's
 * address in their language. The user's other sessions end (where sessions can be found: {@link UserSessions}); the
 * one they changed it in stays signed in. Audited; neither password ever is.
 */
@Service
public class PasswordChanges {

    public static final String CURRENT = "currentPassword";
    public static final String NEW = "newPassword";
    public static final String VERIFY = "newPasswordVerify";

    private final UserRepository users;
    private final NewPasswords passwords;
    private final PasswordResetMails mails;
    private final UserSessions sessions;
    private final AuditLog audit;
    private final Texts texts;

    PasswordChanges(
            UserRepository users,
            NewPasswords passwords,
            PasswordResetMails mails,
            UserSessions sessions,
            AuditLog audit,
            Texts texts) {
        this.users = users;
        this.passwords = passwords;
        this.mails = mails;
        this.sessions = sessions;
        this.audit = audit;
        this.texts = texts;
    }

    /**
     * 400 naming the field: {@code currentPassword} when it is wrong, {@code newPasswordVerify} when the two new ones
     * differ, {@code newPassword} with each policy rule it breaks.
     */
    @Transactional
    public void change(long userId, String current, String replacement, String verify, String keepSessionId) {
        User user = users.findById(userId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (!passwords.isCurrent(user, current)) {
            problems.add(new FieldProblem(CURRENT, texts.get("validation.currentPasswordWrong")));
        }
        if (verify != null && !verify.equals(replacement)) {
            problems.add(new FieldProblem(VERIFY, texts.get("validation.passwordsDiffer")));
        }
        try {
            passwords.requireAcceptable(user, replacement, NEW);
        } catch (InvalidRegistrationException policy) {
            problems.addAll(policy.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        Instant now = Instant.now();
        passwords.set(user, replacement);
        users.flush();
        int ended = sessions.endOthers(user.getLogonId(), keepSessionId);
        audit.recordInOrganization(
                user.getLogonId(),
                null,
                null,
                user.getOrganization() == null ? null : user.getOrganization().getId(),
                "PASSWORD_CHANGED",
                "User",
                user.getId(),
                "password changed on My Account; other sessions ended: " + ended);
        mails.sendChangedAfterCommit(
                user.getId(), PasswordResetMails.ON_MY_ACCOUNT + user.getId() + "-" + now.toEpochMilli(), now);
    }
}
