package org.spinepathway.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Browser protections on every response: no MIME sniffing, no framing by other sites, no full
 * URLs (which may carry record ids) leaked to other sites in the Referer header. Faces pages get
 * two Content-Security-Policies: PrimeFaces' script policy, which nonces its own scripts
 * ({@code primefaces.CSP}), and this one for everything else (no plugins, no framing, forms post
 * only here).
 * Responses that are not pages get a policy that allows nothing at all.
 * <p>
 * Mapped in {@code web.xml}, first, so it also covers the pages {@link LandingPageCache} answers.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    // No script or default directive here: scripts are PrimeFaces' policy's business, and a
    // stricter second script rule would block its nonce'd inline scripts.
    static final String PAGE_POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (isPage(request)) {
            // A second policy, enforced alongside PrimeFaces' script policy: a browser applies both.
            response.addHeader("Content-Security-Policy", PAGE_POLICY);
        } else {
            response.setHeader("Content-Security-Policy", NON_PAGE_POLICY);
        }
        chain.doFilter(request, response);
    }

    private static boolean isPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return (uri.endsWith(".xhtml") || uri.endsWith("/")) && !uri.contains("/jakarta.faces.resource/");
    }
}
