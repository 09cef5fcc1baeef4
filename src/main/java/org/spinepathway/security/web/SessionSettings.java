package org.spinepathway.security.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;
import org.spinepathway.platform.boundary.ConnectionSecurity;

/**
 * Session rules from configuration: idle timeout ({@code clinic.session.timeout-minutes}), and a
 * session cookie that scripts cannot read (HttpOnly). SameSite=Lax is set in
 * {@code payara-web.xml}, because Payara ignores it on {@link SessionCookieConfig}. The cookie is
 * Secure whenever the clinic is reached over https ({@link ConnectionSecurity#isTlsRequired()}), behind a
 * proxy too, where Payara sees plain HTTP; otherwise Payara marks it Secure when the request came
 * over its own TLS port.
 */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Inject
    ConnectionSecurity connection;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servletContext = event.getServletContext();
        int minutes = ConfigProvider.getConfig().getValue("clinic.session.timeout-minutes", Integer.class);
        servletContext.setSessionTimeout(minutes);
        SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        if (connection.isTlsRequired()) {
            cookie.setSecure(true);
        }
    }
}
