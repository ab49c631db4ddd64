package com.b2bflow.activation;

import jakarta.servlet.http.HttpServletResponse;

/** What the pages behind one-time links (activation, password reset) share. */
final class LinkPages {

    private LinkPages() {}

    /** The token is in the URL: no referrer to other sites, no caching. */
    static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
