package com.b2bflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Real HTTP from another loopback address (127.0.0.2, 127.0.0.3...): the server sees a different client address,
 * which the JDK's HttpClient cannot do before Java 19. HTTP/1.0, one request per connection.
 */
public final class LoopbackHttp {

    private LoopbackHttp() {}

    public record Response(int status, Map<String, String> headers, String body) {

        /** The header's value; a header sent more than once has its values joined by line breaks. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The cookies the response sets, as a request's {@code Cookie} header ("a=1; b=2"). */
        public String cookies() {
            String setCookie = header("Set-Cookie");
            return setCookie == null
                    ? ""
                    : java.util.Arrays.stream(setCookie.split("\n"))
                            .map(cookie -> cookie.split(";", 2)[0])
                            .collect(java.util.stream.Collectors.joining("; "));
        }
    }

    /** Sends the request from {@code clientAddress} to 127.0.0.1:port; headers may be empty, body may be null. */
    public static Response send(
            String clientAddress, int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request =
                new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.merge(
                        head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim(),
                        (first, next) -> first + "\n" + next);
            }
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, end < 0 ? "" : text.substring(end + 4));
    }
}
