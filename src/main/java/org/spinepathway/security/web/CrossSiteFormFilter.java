package org.spinepathway.security.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.security.control.CrossSiteCheck;

/**
 * Refuses a POST of a form that strangers send (sign-in, registration, forgotten password, new
 * password) when another site's page sent it (login CSRF):
 * 403 with the clinic's page, before the form is read, no account touched and no session opened.
 * The page's own origin and {@code clinic.public-url} (the address behind a reverse proxy) count as
 * this site. Mapped in {@code web.xml} to those pages only: every other form is a signed-in
 * user's, bound to their session's view state.
 */
public class CrossSiteFormFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CrossSiteFormFilter.class.getName());
    /** Set on a refused request: the 403 page then says why in words. */
    public static final String REFUSED = "org.spinepathway.crossSiteRefused";

    @Inject
    @ConfigProperty(name = "clinic.public-url")
    String publicUrl;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())) {
            String own = CrossSiteCheck.originOf(request.getRequestURL().toString());
            Optional<String> refusal = CrossSiteCheck.refusal(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                    request.getHeader("Referer"), List.of(own, CrossSiteCheck.originOf(publicUrl)));
            if (refusal.isPresent()) {
                LOG.warning(() -> "Refused a cross-site POST of " + LogSafe.text(request.getRequestURI()) + " from "
                        + LogSafe.text(request.getRemoteAddr()) + ": " + refusal.get() + " (Origin "
                        + LogSafe.text(request.getHeader("Origin")) + ")");
                request.setAttribute(REFUSED, Boolean.TRUE);
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                // The clinic's 403 page, rendered as a plain visit: the forged form's fields (its view
                // state among them) must not make Faces take the page for a postback of another view.
                request.getRequestDispatcher("/error/403.xhtml").forward(new PlainVisit(request), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The refused request as a GET without parameters. */
    private static final class PlainVisit extends HttpServletRequestWrapper {
        PlainVisit(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
