package org.spinepathway.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The landing page as a visitor who is not signed in sees it, rendered once and then served from
 * memory. It is the same page for every stranger (fixed texts, no data), but rendering it through
 * Faces and PrimeFaces cost about 3.5 ms of CPU each time, the most of any request under the
 * benchmark's load; a copy costs a few microseconds.
 * <p>
 * Served from memory only to a plain {@code GET} of the page with no query string, no session, no
 * caller and no cookie of this application; anything else is rendered as ever (a signed-in caller
 * sees their name and menu, {@code ?signedOut=true} its notice). A rendering is kept only if it
 * was a 200 that neither opened a session nor set a cookie.
 * <p>
 * PrimeFaces' Content-Security-Policy allows only scripts that carry the response's nonce, and a
 * nonce must never be reused: every copy gets a fresh one, in the header and in each script tag.
 * <p>
 * Mapped in {@code web.xml}, after {@link SecurityHeadersFilter}, so a copy gets the same browser
 * protections as a rendering.
 */
public class LandingPageCache extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    private static final String CSP = "Content-Security-Policy";

    private final SecureRandom random = new SecureRandom();
    /** The copy for plain HTTP and for HTTPS: PrimeFaces writes into the page whether its cookies must be secure. */
    private final transient AtomicReferenceArray<Copy> copies = new AtomicReferenceArray<>(2);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isStranger(request)) {
            chain.doFilter(request, response);
            return;
        }
        int scheme = request.isSecure() ? 1 : 0;
        Copy kept = copies.get(scheme);
        if (kept != null) {
            kept.writeTo(response, newNonce());
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        String body = capture.body();
        if (capture.status == HttpServletResponse.SC_OK && !capture.setCookie && request.getSession(false) == null) {
            copies.set(scheme, Copy.of(capture.getContentType(), capture.policies, body));
        }
        if (!body.isEmpty()) {
            response.getWriter().write(body);
        }
    }

    private static boolean isStranger(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null || request.getUserPrincipal() != null
                || request.getSession(false) != null || request.getHeader("Authorization") != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null || cookies.length == 0;
    }

    private String newNonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A kept page: its content type, its script policies and its body, split where the nonce was. */
    record Copy(String contentType, List<String[]> policies, String[] bodyParts) {

        static Copy of(String contentType, List<String> policies, String body) {
            String nonce = null;
            for (String policy : policies) {
                Matcher m = NONCE.matcher(policy);
                if (m.find()) {
                    nonce = m.group(1);
                }
            }
            List<String[]> split = new ArrayList<>();
            for (String policy : policies) {
                split.add(splitAt(policy, nonce));
            }
            return new Copy(contentType, split, splitAt(body, nonce));
        }

        private static String[] splitAt(String text, String nonce) {
            return nonce == null ? new String[] {text} : text.split(Pattern.quote(nonce), -1);
        }

        void writeTo(HttpServletResponse response, String nonce) throws IOException {
            response.setContentType(contentType);
            for (String[] policy : policies) {
                response.addHeader(CSP, String.join(nonce, policy));
            }
            byte[] bytes = String.join(nonce, bodyParts).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** The response as rendered: the body kept back, the status, the script policies and whether a cookie was set. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final CharArrayWriter body = new CharArrayWriter(8192);
        private final PrintWriter writer = new PrintWriter(body);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<String> policies = new ArrayList<>();
        private int status = SC_OK;
        private boolean setCookie;

        Capture(HttpServletResponse response) {
            super(response);
        }

        String body() {
            writer.flush();
            String charset = getCharacterEncoding();
            return body.toString() + bytes.toString(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the landing page is written synchronously");
                }
            };
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            status = sc;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            status = SC_FOUND;
            super.sendRedirect(location);
        }

        @Override
        public void addCookie(Cookie cookie) {
            setCookie = true;
            super.addCookie(cookie);
        }

        @Override
        public void setHeader(String name, String value) {
            record(name, value, true);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            record(name, value, false);
            super.addHeader(name, value);
        }

        private void record(String name, String value, boolean replace) {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                setCookie = true;
            } else if (name.equalsIgnoreCase(CSP)) {
                if (replace) {
                    policies.clear();
                }
                policies.add(value);
            }
        }

        @Override
        public void setContentLength(int len) {
            // The body is written after the chain, all at once.
        }

        @Override
        public void setContentLengthLong(long len) {
            // As above.
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }
    }
}
