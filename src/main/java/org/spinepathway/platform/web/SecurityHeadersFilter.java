package org.spinepathway.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.platform.boundary.SecurityHeaders;

/**
 * {@link SecurityHeaders} on every response. Mapped in {@code web.xml}, first and for error
 * dispatches too, so it also covers the pages {@link LandingPageCache} answers and the error pages.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.apply(request, response);
        chain.doFilter(request, response);
    }
}
