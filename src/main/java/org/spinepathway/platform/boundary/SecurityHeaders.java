package org.spinepathway.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Browser protections on every response: no MIME sniffing, no framing by other sites, no full
 * URLs (which may carry record ids) leaked to other sites in the Referer header, and nothing but
 * the static resources kept in a browser's or proxy's cache (pages and API answers carry patient
 * data), and over TLS, https only from then on (HSTS). Faces pages get two Content-Security-Policies: PrimeFaces' whole policy, which nonces its
 * own scripts ({@code primefaces.CSP_POLICY} in {@code web.xml}), and this one, which holds even
 * where Faces did not render. Responses that are not pages get a policy that allows nothing at all.
 * <p>
 * Set by {@code platform.web.SecurityHeadersFilter} on every response, error dispatches included,
 * and by the authentication mechanism, which answers 401s and sign-in redirects before any filter
 * runs.
 */
public final class SecurityHeaders {

    // No script or default directive here: scripts are PrimeFaces' policy's business, and a
    // stricter second script rule would block its nonce'd inline scripts.
    static final String PAGE_POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private SecurityHeaders() {
    }

    /**
     * Sets the headers (again, harmlessly, when the mechanism already did); {@code encrypted} (the
     * request came over TLS, see {@link ConnectionSecurity}) adds {@code Strict-Transport-Security}.
     */
    public static void apply(HttpServletRequest request, HttpServletResponse response, boolean encrypted) {
        if (encrypted) {
            response.setHeader("Strict-Transport-Security", ConnectionSecurity.HSTS);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        // Set, not added: PrimeFaces adds its own policy later, while Faces renders.
        response.setHeader("Content-Security-Policy", isPage(request) ? PAGE_POLICY : NON_PAGE_POLICY);
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    private static boolean isPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return (uri.endsWith(".xhtml") || uri.endsWith("/")) && !isStaticResource(request);
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }
}
