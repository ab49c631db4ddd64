package com.b2bflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's session over real HTTP: signed in once on the storefront's sign-in page, which is the one sign-in of
 * the staff pages and the Camunda webapps. Keeps the cookies as a browser's jar does (a later cookie of the same name
 * replaces the earlier one).
 */
public final class StaffWebSession {

    private final String from;
    private final int port;
    private final Map<String, String> jar = new LinkedHashMap<>();

    private StaffWebSession(String from, int port) {
        this.from = from;
        this.port = port;
    }

    /** A session that has signed in nobody (yet). */
    public static StaffWebSession anonymous(String from, int port) {
        return new StaffWebSession(from, port);
    }

    /** Signs in on the storefront's sign-in form; the answer (a redirect) is in {@link #lastSignIn()}. */
    public static StaffWebSession signIn(String from, int port, String logonId, String password) throws Exception {
        StaffWebSession session = new StaffWebSession(from, port);
        session.signInAs(logonId, password);
        return session;
    }

    private LoopbackHttp.Response lastSignIn;

    private void signInAs(String logonId, String password) throws Exception {
        get("/store/login");
        String cookie = jar.get(StorefrontCsrf.COOKIE);
        assertThat(cookie).as("the storefront's CSRF cookie").isNotNull();
        String token = cookie.substring(cookie.indexOf('=') + 1);
        lastSignIn = send(
                "POST",
                "/store/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", StorefrontCsrf.HEADER, token),
                "logonId=" + URLEncoder.encode(logonId, StandardCharsets.UTF_8) + "&logonPassword="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    public LoopbackHttp.Response lastSignIn() {
        return lastSignIn;
    }

    public LoopbackHttp.Response get(String path) throws Exception {
        return send("GET", path, Map.of("Accept", "text/html,application/json"), null);
    }

    public LoopbackHttp.Response send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (!jar.isEmpty()) {
            all.put("Cookie", String.join("; ", jar.values()));
        }
        LoopbackHttp.Response response = LoopbackHttp.send(from, port, method, path, all, body);
        String cookies = response.cookies();
        for (String cookie : cookies.split(";\\s*")) {
            if (cookie.contains("=")) {
                jar.put(cookie.substring(0, cookie.indexOf('=')), cookie);
            }
        }
        return response;
    }

    /** The Camunda webapps' CSRF token of this session, as Tasklist fetches it. */
    public String webappCsrfToken() throws Exception {
        // the webapps hand out their token with the first request of the session that reaches them
        LoopbackHttp.Response response = get("/camunda/api/admin/auth/user/default");
        assertThat(response.header("X-XSRF-TOKEN"))
                .as("the webapps' CSRF token (status %d)", response.status())
                .isNotNull();
        return response.header("X-XSRF-TOKEN");
    }

    public String cookies() {
        return String.join("; ", jar.values());
    }
}
