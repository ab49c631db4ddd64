package com.b2bflow.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.b2bflow.support.IntegrationTest;
import com.b2bflow.support.TestReviews;
import com.b2bflow.support.TestSmtp;
import com.b2bflow.support.TestStaff;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A review escalated to the site administrators over /engine-rest, as Tasklist calls it: a site administrator, who
 * could only read it before, claims and completes it, or takes it over from the seller administrator who holds it
 * and delegates it; a seller administrator still cannot take a colleague's task, and an account representative (in
 * neither group) is refused. (Every role and action: AuthorizationMatrixTest; the mails: the process tests.)
 */
@IntegrationTest
class EscalatedTaskTest {

    static final String PASSWORD = "Escalate-pass-1";
    static final String REJECT = "{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"},"
            + "\"rejectionReason\":{\"value\":\"Unknown company\",\"type\":\"String\"}}}";

    @RegisterExtension
    static GreenMailExtension mail = TestSmtp.server();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    TestReviews reviews;

    final HttpClient client = HttpClient.newHttpClient();
    // created once: a password hash per user is the slow part
    static String siteAdmin;
    static String sellerAdmin;
    static String colleague;
    static String accountRep;
    String taskId;

    @BeforeEach
    void aReview() {
        if (siteAdmin == null) {
            siteAdmin = TestStaff.create(identity, "site", PASSWORD, StaffGroups.SITE_ADMINS);
            sellerAdmin = TestStaff.create(identity, "holder", PASSWORD, StaffGroups.SELLER_ADMINS);
            colleague = TestStaff.create(identity, "colleague", PASSWORD, StaffGroups.SELLER_ADMINS);
            accountRep = TestStaff.create(identity, "rep", PASSWORD, StaffGroups.ACCOUNT_REPS);
        }
        taskId = reviews.openReview();
    }

    @Test
    void theSiteAdministratorClaimsAndCompletesTheTaskOnceItIsEscalated() throws Exception {
        assertThat(send(siteAdmin, "POST", "/claim", claim(siteAdmin)).statusCode())
                .as("before the escalation")
                .isEqualTo(403);

        reviews.escalate(taskId);

        assertThat(send(siteAdmin, "POST", "/claim", claim(siteAdmin)).statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = send(siteAdmin, "POST", "/submit-form", REJECT);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void theSiteAdministratorTakesTheTaskOverFromItsHolderAndDelegatesIt() throws Exception {
        assertThat(send(sellerAdmin, "POST", "/claim", claim(sellerAdmin)).statusCode())
                .isEqualTo(204);
        reviews.escalate(taskId);

        assertThat(send(colleague, "POST", "/assignee", claim(colleague)).statusCode())
                .as("a colleague still cannot take a claimed task (ADR 0020)")
                .isEqualTo(403);
        assertThat(send(accountRep, "POST", "/assignee", claim(accountRep)).statusCode())
                .as("neither a candidate nor the escalation group")
                .isEqualTo(403);
        assertThat(send(accountRep, "POST", "/claim", claim(accountRep)).statusCode())
                .isEqualTo(403);

        HttpResponse<String> reassigned = send(siteAdmin, "POST", "/assignee", claim(siteAdmin));
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(204);
        HttpResponse<String> delegated = send(siteAdmin, "POST", "/delegate", claim(colleague));
        assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(204);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo(colleague);
        assertThat(task.getOwner()).isEqualTo(siteAdmin);
    }

    private static String claim(String userId) {
        return "{\"userId\":\"" + userId + "\"}";
    }

    private HttpResponse<String> send(String user, String method, String action, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + action))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
