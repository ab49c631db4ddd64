package com.b2bflow.buyeradmin;

import com.b2bflow.registration.ProcessVariables;
import com.b2bflow.registration.RegistrationFlow;

/**
 * The contract of {@code processes/buyer-invitation.bpmn}: an invited person accepted the invitation of their
 * organization's buyer administrator. The instance starts, in the acceptance's transaction, with the
 * {@link com.b2bflow.registration.StartVariables} (the organization is the one invited into) plus the organization's id
 * and who invited; the invitation is the approval, so nobody decides.
 */
public final class BuyerInvitationProcess {

    public static final String KEY = RegistrationFlow.INVITATION.processKey();
    public static final String FILE = "buyer-invitation.bpmn";

    private BuyerInvitationProcess() {}

    public static final class Elements {
        public static final String TASK_CREATE_BUYER = "Task_CreateBuyer";
        public static final String TASK_WELCOME_BUYER = "Task_WelcomeBuyer";

        private Elements() {}
    }

    public static final class Variables {
        public static final String ORGANIZATION_ID = ProcessVariables.ORGANIZATION_ID;
        public static final String USER_ID = ProcessVariables.USER_ID;
        /** Who sent the invitation: the buyer administrator's logon id, or the CSR's id when on behalf. */
        public static final String INVITED_BY = "invitedBy";

        public static final String ON_BEHALF_OF = ProcessVariables.ON_BEHALF_OF;

        private Variables() {}
    }

    /** The template of the welcome mail, input parameter {@code mailTemplate} of {@code Task_WelcomeBuyer}. */
    public static final String WELCOME_TEMPLATE = "buyer-invitation-accepted";
}
