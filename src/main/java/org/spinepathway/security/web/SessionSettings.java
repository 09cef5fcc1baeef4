package org.spinepathway.security.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Session rules from configuration: idle timeout ({@code clinic.session.timeout-minutes}, 15 by
 * default), and a session cookie that scripts cannot read (HttpOnly). SameSite=Lax is set in
 * {@code payara-web.xml}, because Payara ignores it on {@link SessionCookieConfig}; Payara marks the
 * cookie Secure whenever the request came over TLS.
 */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servletContext = event.getServletContext();
        int minutes = ConfigProvider.getConfig().getOptionalValue("clinic.session.timeout-minutes", Integer.class).orElse(15);
        servletContext.setSessionTimeout(minutes);
        SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
        cookie.setHttpOnly(true);
    }
}
