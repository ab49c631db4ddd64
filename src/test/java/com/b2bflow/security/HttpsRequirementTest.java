package com.b2bflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code app.security.require-https} on a real Tomcat with the forward-header set-up of the postgres profile: only
 * the filter, Tomcat's remote IP valve and an endpoint that echoes the scheme it saw, not the whole application.
 * The trusted proxy is 127.0.0.2; requests from 127.0.0.1 stand for anyone else (Linux routes all of 127/8 to the
 * loopback interface, so a client socket can bind either).
 */
@SpringBootTest(
        classes = HttpsRequirementTest.Web.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.security.require-https=true",
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
class HttpsRequirementTest {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    private static final String SOMEONE = "127.0.0.1";

    @LocalServerPort
    int port;

    @Test
    void plainHttpGetsAndHeadsAreRedirectedToHttps() throws IOException {
        String get = send(SOMEONE, "GET /store/login?lang=de HTTP/1.1", "Host: shop.test");
        assertThat(statusLine(get)).isEqualTo("HTTP/1.1 301 ");
        assertThat(get).contains("Location: https://shop.test/store/login?lang=de\r\n");

        String head = send(SOMEONE, "HEAD /camunda/app/tasklist/ HTTP/1.1", "Host: shop.test:8080");
        assertThat(statusLine(head)).isEqualTo("HTTP/1.1 301 ");
        assertThat(head).contains("Location: https://shop.test/camunda/app/tasklist/\r\n");
    }

    @Test
    void plainHttpPostsAreRefusedWithAProblemThatSaysHttpsIsRequired() throws IOException {
        String post = send(
                SOMEONE,
                "POST /store/login HTTP/1.1",
                "Host: shop.test",
                "Content-Type: application/x-www-form-urlencoded",
                "",
                "logonId=a&logonPassword=b");
        assertThat(statusLine(post)).isEqualTo("HTTP/1.1 403 ");
        assertThat(post)
                .contains("Content-Type: application/problem+json")
                .contains("\"title\":\"HTTPS required\"")
                .contains("HTTPS is required: send this request to https://shop.test/store/login")
                .contains("\"field\":\"scheme\"")
                .doesNotContain("scheme seen");

        String delete = send(SOMEONE, "DELETE /engine-rest/task/1 HTTP/1.1", "Host: shop.test");
        assertThat(statusLine(delete)).isEqualTo("HTTP/1.1 403 ");
    }

    @Test
    void theForwardedProtoOfTheTrustedProxyIsHonoured() throws IOException {
        String get = send(TRUSTED_PROXY, "GET /store/login HTTP/1.1", "Host: shop.test", "X-Forwarded-Proto: https");
        assertThat(statusLine(get)).isEqualTo("HTTP/1.1 200 ");
        assertThat(get).endsWith("scheme seen: https");

        String post = send(
                TRUSTED_PROXY,
                "POST /api/registrations HTTP/1.1",
                "Host: shop.test",
                "X-Forwarded-Proto: https",
                "",
                "");
        assertThat(statusLine(post)).isEqualTo("HTTP/1.1 200 ");
    }

    @Test
    void theForwardedProtoOfAnyoneElseIsIgnored() throws IOException {
        String get = send(SOMEONE, "GET /store/login HTTP/1.1", "Host: shop.test", "X-Forwarded-Proto: https");
        assertThat(statusLine(get)).isEqualTo("HTTP/1.1 301 ");

        String post = send(
                SOMEONE, "POST /api/registrations HTTP/1.1", "Host: shop.test", "X-Forwarded-Proto: https", "", "");
        assertThat(statusLine(post)).isEqualTo("HTTP/1.1 403 ");
    }

    @Test
    void theTrustedProxyForwardingPlainHttpIsRedirectedToo() throws IOException {
        String get = send(TRUSTED_PROXY, "GET /store HTTP/1.1", "Host: shop.test", "X-Forwarded-Proto: http");
        assertThat(statusLine(get)).isEqualTo("HTTP/1.1 301 ");
    }

    @Test
    void theHealthProbesOfContainerAndOrchestratorPassOverPlainHttp() throws IOException {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness"}) {
            String health = send(SOMEONE, "GET " + probe + " HTTP/1.1", "Host: localhost:8080");
            assertThat(statusLine(health)).isEqualTo("HTTP/1.1 200 ");
            assertThat(health).endsWith("scheme seen: http");
        }
        assertThat(statusLine(send(SOMEONE, "GET /actuator/prometheus HTTP/1.1", "Host: localhost")))
                .isEqualTo("HTTP/1.1 301 ");
    }

    @Test
    void thePostgresProfileRequiresHttpsBehindTrustedProxiesAndTheDefaultProfileDoesNot() {
        ApplicationContextRunner application = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(
                        PropertyPlaceholderAutoConfiguration.class,
                        JacksonAutoConfiguration.class,
                        HttpsConfiguration.class);
        application.withPropertyValues("spring.profiles.active=postgres").run(context -> {
            assertThat(context).hasSingleBean(FilterRegistrationBean.class);
            assertThat(context.getEnvironment().getProperty("server.forward-headers-strategy"))
                    .isEqualTo("native");
        });
        application.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

    /** One HTTP/1.1 exchange from the given local address: request line and headers, then "" and a body if any. */
    private String send(String from, String... lines) throws IOException {
        StringBuilder request = new StringBuilder();
        int blank = Arrays.asList(lines).indexOf("");
        for (int i = 0; i < (blank < 0 ? lines.length : blank); i++) {
            request.append(lines[i]).append("\r\n");
        }
        String body = blank < 0 ? "" : lines[blank + 1];
        if (blank >= 0) {
            request.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(10000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        EmbeddedWebServerFactoryCustomizerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class
    })
    @Import({HttpsConfiguration.class, SchemeEcho.class})
    static class Web {}

    @RestController
    static class SchemeEcho {

        @RequestMapping("/**")
        String scheme(HttpServletRequest request) {
            return "scheme seen: " + request.getScheme();
        }
    }
}
