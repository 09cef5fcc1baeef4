package org.spinepathway.platform.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.platform.boundary.SecurityHeaders;
import org.spinepathway.platform.boundary.ConnectionSecurity;

/**
 * {@link SecurityHeaders} on every response; a request a trusted proxy received over https
 * ({@link ConnectionSecurity}) is seen as secure from here on. (A plain request while TLS is required never
 * gets here: the authentication mechanism, which runs first, sends it to https.) Mapped in
 * {@code web.xml}, first and for error dispatches too, so it also covers the pages
 * {@link LandingPageCache} answers and the error pages.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ConnectionSecurity connection;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response, connection.isSecure(request));
        chain.doFilter(connection.isForwardedSecure(request) ? new ForwardedSecure(request) : request, response);
    }

    /** What a trusted proxy received over https: secure, scheme https. */
    private static final class ForwardedSecure extends HttpServletRequestWrapper {

        ForwardedSecure(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }
    }
}
