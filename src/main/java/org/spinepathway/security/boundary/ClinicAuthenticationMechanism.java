package org.spinepathway.security.boundary;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.boundary.DatabaseOutage;
import org.spinepathway.platform.boundary.SecurityHeaders;
import org.spinepathway.platform.boundary.ConnectionSecurity;
import org.spinepathway.platform.boundary.api.ApiExceptionMappers;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/**
 * How callers prove who they are. Web pages: the sign-in form hands a credential to
 * {@code SecurityContext.authenticate}, and the caller is then remembered in the HTTP session
 * (whose id changes at sign-in). The JSON API under {@code /api/v1/}: HTTP Basic on every request
 * and nothing else; it never reads the session, so a browser's cookie cannot make an API call,
 * cross-site or not.
 * <p>
 * Jakarta Security 3 allows one mechanism per application, hence one class for both.
 */
@ApplicationScoped
public class ClinicAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ClinicAuthenticationMechanism.class.getName());

    public static final String API_PATH = "/api/";
    public static final String METRICS_PATH = "/metrics";
    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String SIGNED_OUT_PAGE = "/signed-out.xhtml";
    /** The sign-in's second step: the one-time or a recovery code, after the right password. */
    public static final String SECOND_FACTOR_PAGE = "/sign-in-code.xhtml";
    /** Where a signed-in account whose role requires a second factor enrols one; it can reach no other page until then. */
    public static final String ENROLMENT_PAGE = "/account/second-factor.xhtml";
    /** Where a visitor was going when sign-in interrupted them; read by the sign-in page. */
    public static final String ORIGINAL_REQUEST = ClinicAuthenticationMechanism.class.getName() + ".originalRequest";
    /**
     * Marks a browser that is signed in. When it comes back without a live session, the session
     * timed out: the visitor is told so instead of being silently treated as a stranger.
     */
    public static final String SIGNED_IN_COOKIE = "sp_signed_in";
    /**
     * Set on the request when a sign-in could not be checked because the database is unavailable:
     * the sign-in page then says so, instead of calling the password wrong.
     */
    public static final String DATABASE_UNAVAILABLE = ClinicAuthenticationMechanism.class.getName() + ".databaseUnavailable";
    /** Set on the request (to the seconds to wait) when a sign-in was refused unchecked: too many refused passwords from its address. */
    public static final String RATE_LIMITED = ClinicAuthenticationMechanism.class.getName() + ".rateLimited";

    /**
     * Makes a browser known to the account that signed in on it ({@code KnownDevices}): while failed
     * sign-ins make strangers wait, this browser's right password still passes. It outlives sign-out.
     */
    public static final String KNOWN_BROWSER_COOKIE = "sp_known_browser";

    /** Set on the request when the password was right and the second step (a code) comes next. */
    public static final String SECOND_FACTOR_NEEDED = ClinicAuthenticationMechanism.class.getName() + ".secondFactorNeeded";
    /** Set on the request when the code was wrong; the value is how many tries are left. */
    public static final String SECOND_FACTOR_WRONG = ClinicAuthenticationMechanism.class.getName() + ".secondFactorWrong";

    /** How long after the right password its second step may come, and how many wrong codes it allows. */
    static final Duration SECOND_STEP_TIME = Duration.ofMinutes(5);
    static final int SECOND_STEP_TRIES = 5;

    private static final String SESSION_CALLER = ClinicAuthenticationMechanism.class.getName() + ".caller";
    private static final String PENDING_SECOND_STEP = ClinicAuthenticationMechanism.class.getName() + ".pendingSecondStep";
    private static final String REALM = "Basic realm=\"Spine Pathway\", charset=\"UTF-8\"";

    /** The API's calls go to the sign-in service directly: it remembers verified Basic credentials for a while. */
    @Inject
    SignInService signIn;

    @Inject
    ClientLimits limits;

    @Inject
    SecondFactor secondFactor;

    @Inject
    ConnectionSecurity connection;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Instance<TaskLinks> taskLinks;

    /** A web session ends this long after its sign-in, however active it is. */
    @Inject
    @ConfigProperty(name = "clinic.session.max-hours")
    int sessionMaxHours;

    @Inject
    @ConfigProperty(name = "clinic.security.known-device-days")
    int knownDeviceDays;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // The mechanism answers 401s and sign-in redirects before any filter runs: they get the headers here.
        SecurityHeaders.apply(request, response, connection.isSecure(request));
        Optional<String> encrypted = connection.encryptedAddress(request);
        if (encrypted.isPresent()) {
            // In the clear while the clinic is reached over https only: no credential or session is looked at.
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", encrypted.get());
                return AuthenticationStatus.SEND_CONTINUE;
            }
            return context.responseUnauthorized();
        }
        if (isApi(request)) {
            return validateApiRequest(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof SecondFactorCredential code) {
            return secondStep(request, response, context, code);
        }
        if (credential != null) {
            return signIn(request, response, context, credential);
        }
        if (isTaskLinkOpening(request)) {
            SignedInCaller previous = signedInCaller(request);
            if (previous == null || previous.taskId() != null) {
                return openTaskLink(request, context);
            }
            // Signed in by password here already: a link neither replaces that session nor hands this browser to another account.
            request.setAttribute(TaskLinks.REFUSED, TaskLinks.Refusal.SIGNED_IN);
        }
        SignedInCaller caller = signedInCaller(request);
        if (caller != null && caller.taskId() != null && !reachableByTaskLink(request)) {
            // A task link's session does that task and nothing else: going elsewhere ends it, and the visitor goes on as a stranger.
            request.getSession().invalidate();
            if (context.isProtected()) {
                return context.redirect(request.getContextPath() + LOGIN_PAGE);
            }
            return context.doNothing();
        }
        if (caller != null) {
            String ended = isPublicResource(request) ? null : whySessionEnds(caller);
            if (ended != null) {
                return endSession(request, response, context, caller, ended);
            }
            if (caller.mustEnrol() && !reachableBeforeEnrolment(request)) {
                return context.redirect(request.getContextPath() + ENROLMENT_PAGE);
            }
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (hasSignedInCookie(request) && !isPublicResource(request)) {
            forgetSignedInCookie(request, response);
            return context.redirect(request.getContextPath() + SIGNED_OUT_PAGE + "?reason=inactivity");
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(ORIGINAL_REQUEST,
                        request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        forgetSignedInCookie(request, response);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, Credential credential) {
        OptionalLong wait = limits.retryAfter(ClientLimits.Limit.SIGN_IN_FAILURES, request);
        if (wait.isPresent()) {
            request.setAttribute(RATE_LIMITED, wait.getAsLong());
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!(credential instanceof UsernamePasswordCredential typed)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInAttempts.Outcome outcome;
        try {
            outcome = signIn.verifyWeb(typed.getCaller(), typed.getPassword().getValue(), cookie(request, KNOWN_BROWSER_COOKIE));
        } catch (RuntimeException e) {
            if (!DatabaseOutage.explains(e)) {
                throw e;
            }
            request.setAttribute(DATABASE_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = outcome.result();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            limits.charge(ClientLimits.Limit.SIGN_IN_FAILURES, request);
            // Not context.responseUnauthorized(): the sign-in page shows its own message.
            return AuthenticationStatus.SEND_FAILURE;
        }
        String name = result.getCallerPrincipal().getName();
        Set<String> groups = Set.copyOf(result.getCallerGroups());
        if (outcome.next() == SecondFactorPolicy.NextStep.CODE) {
            HttpSession session = request.getSession(true);
            request.changeSessionId();
            session.removeAttribute(SESSION_CALLER);
            // The account as the password found it: a change before the code (another role, say) ends the session it opens.
            session.setAttribute(PENDING_SECOND_STEP, new PendingSecondStep(name, groups, signIn.sessionStamp(name).orElse(""),
                    outcome.newDeviceToken(), clock.instant(), 0));
            request.setAttribute(SECOND_FACTOR_NEEDED, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return startSession(request, response, context, name, groups, signIn.sessionStamp(name).orElse(""), outcome.newDeviceToken(),
                outcome.next() == SecondFactorPolicy.NextStep.ENROL);
    }

    /**
     * The second step: the code typed after the right password, within {@link #SECOND_STEP_TIME} and
     * {@link #SECOND_STEP_TRIES} wrong codes; after that the password must be given again.
     */
    private AuthenticationStatus secondStep(HttpServletRequest request, HttpServletResponse response,
                                            HttpMessageContext context, SecondFactorCredential code) {
        HttpSession session = request.getSession(false);
        PendingSecondStep pending = session == null ? null : (PendingSecondStep) session.getAttribute(PENDING_SECOND_STEP);
        if (pending == null || clock.instant().isAfter(pending.passwordAt().plus(SECOND_STEP_TIME))) {
            if (session != null) {
                session.removeAttribute(PENDING_SECOND_STEP);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        OptionalLong wait = limits.retryAfter(ClientLimits.Limit.SIGN_IN_FAILURES, request);
        if (wait.isPresent()) {
            request.setAttribute(RATE_LIMITED, wait.getAsLong());
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        SecondFactor.Verification verified;
        try {
            verified = secondFactor.verify(pending.name(), code.code());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.explains(e)) {
                throw e;
            }
            request.setAttribute(DATABASE_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (verified == SecondFactor.Verification.REFUSED) {
            limits.charge(ClientLimits.Limit.SIGN_IN_FAILURES, request);
            int failures = pending.failures() + 1;
            if (failures >= SECOND_STEP_TRIES) {
                session.removeAttribute(PENDING_SECOND_STEP);
            } else {
                session.setAttribute(PENDING_SECOND_STEP, pending.failedOnce());
                request.setAttribute(SECOND_FACTOR_WRONG, SECOND_STEP_TRIES - failures);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        session.removeAttribute(PENDING_SECOND_STEP);
        return startSession(request, response, context, pending.name(), pending.groups(), pending.stamp(), pending.newDeviceToken(), false);
    }

    /**
     * A task link opened ({@link TaskLinks}): a session for that task only, as the patient, with a new
     * session id; or, when the link cannot be used, no session at all and the page says why.
     */
    private AuthenticationStatus openTaskLink(HttpServletRequest request, HttpMessageContext context) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            // An earlier link's session (or a stranger's) ends whatever this link turns out to be.
            existing.removeAttribute(SESSION_CALLER);
        }
        TaskLinks.Opening opening;
        if (limits.retryAfter(ClientLimits.Limit.SIGN_IN_FAILURES, request).isPresent()) {
            // Too many refused passwords or links from this address: no lookup, as for a sign-in.
            opening = TaskLinks.Opening.refused(TaskLinks.Refusal.UNKNOWN, null);
        } else {
            try {
                opening = taskLinks.get().open(request.getParameter(TaskLinks.TOKEN_PARAMETER));
            } catch (RuntimeException e) {
                if (!DatabaseOutage.explains(e)) {
                    throw e;
                }
                // The page cannot read anything either: it answers as the outage.
                request.setAttribute(DATABASE_UNAVAILABLE, Boolean.TRUE);
                return context.doNothing();
            }
            if (opening.refusal() == null && signIn.signsInWithTwoSteps(opening.username())) {
                opening = TaskLinks.Opening.refused(TaskLinks.Refusal.TWO_STEP, opening.username());
            }
            if (opening.refusal() != null) {
                if (opening.refusal() == TaskLinks.Refusal.UNKNOWN) {
                    limits.charge(ClientLimits.Limit.SIGN_IN_FAILURES, request);
                }
                audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, opening.username(), "a follow-up check-in link that is refused ("
                        + opening.refusal().name().toLowerCase().replace('_', ' ') + ")");
            }
        }
        if (opening.refusal() != null) {
            request.setAttribute(TaskLinks.REFUSED, opening.refusal());
            return context.doNothing();
        }
        if (existing != null) {
            existing.invalidate();
        }
        // A new session for the link, holding nothing of any earlier one.
        HttpSession session = request.getSession(true);
        Set<String> groups = Set.of(Role.PATIENT_NAME);
        session.setAttribute(SESSION_CALLER, new SignedInCaller(opening.username(), groups, signIn.sessionStamp(opening.username()).orElse(""),
                clock.instant(), false, opening.taskId()));
        audit.recordSignIn(AuditAction.SIGN_IN, opening.username(), "through a follow-up check-in link, for that check-in only");
        return context.notifyContainerAboutLogin(opening.username(), groups);
    }

    /** The task this browser's session was opened for by a task link, if it was; empty for a session signed in by password. */
    public static OptionalLong taskOf(HttpServletRequest request) {
        SignedInCaller caller = signedInCaller(request);
        return caller == null || caller.taskId() == null ? OptionalLong.empty() : OptionalLong.of(caller.taskId());
    }

    private static boolean isTaskLinkOpening(HttpServletRequest request) {
        // GET only: a HEAD (a mail filter's look at a link) opens nothing.
        return "GET".equals(request.getMethod()) && applicationPath(request).equals(TaskLinks.PAGE)
                && request.getParameter(TaskLinks.TOKEN_PARAMETER) != null;
    }

    /** What a task link's session may open: its page (and the page's own requests), resources, errors. */
    private static boolean reachableByTaskLink(HttpServletRequest request) {
        String path = applicationPath(request);
        return path.equals(TaskLinks.PAGE) || path.startsWith("/error/") || isPublicResource(request);
    }

    /** Whether this browser's session holds a right password whose second step may still come. */
    public boolean hasPendingSecondStep(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        PendingSecondStep pending = session == null ? null : (PendingSecondStep) session.getAttribute(PENDING_SECOND_STEP);
        return pending != null && !clock.instant().isAfter(pending.passwordAt().plus(SECOND_STEP_TIME));
    }

    private AuthenticationStatus startSession(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                              String name, Set<String> groups, String stamp, String newDeviceToken, boolean mustEnrol) {
        HttpSession session = request.getSession(true);
        // A new session id at sign-in defeats session fixation.
        request.changeSessionId();
        session.setAttribute(SESSION_CALLER, new SignedInCaller(name, groups, stamp, clock.instant(), mustEnrol, null));
        Cookie marker = new Cookie(SIGNED_IN_COOKIE, "1");
        marker.setPath(cookiePath(request));
        marker.setHttpOnly(true);
        marker.setSecure(connection.cookiesSecure(request));
        marker.setAttribute("SameSite", "Lax");
        response.addCookie(marker);
        if (newDeviceToken != null) {
            Cookie known = new Cookie(KNOWN_BROWSER_COOKIE, newDeviceToken);
            known.setPath(cookiePath(request));
            known.setHttpOnly(true);
            known.setSecure(connection.cookiesSecure(request));
            known.setMaxAge((int) Duration.ofDays(knownDeviceDays).toSeconds());
            known.setAttribute("SameSite", "Strict");
            response.addCookie(known);
        }
        return context.notifyContainerAboutLogin(name, groups);
    }

    private AuthenticationStatus validateApiRequest(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decodeBasic(authorization.substring(6).trim());
            if (credential != null) {
                OptionalLong wait = limits.retryAfter(ClientLimits.Limit.SIGN_IN_FAILURES, request);
                if (wait.isPresent()) {
                    response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
                    return jsonError(response, 429, "Too many refused passwords from this address. Try again in "
                            + wait.getAsLong() + " seconds.");
                }
                CredentialValidationResult result;
                try {
                    result = signIn.verifyApiCall(credential.getCaller(), credential.getPassword().getValue());
                } catch (RuntimeException e) {
                    // Checked before JAX-RS runs, so its exception mappers cannot answer for us: the API's
                    // error shape either way, never the HTML error page.
                    if (DatabaseOutage.explains(e)) {
                        return databaseUnavailable(response);
                    }
                    LOG.log(Level.SEVERE, "Unexpected failure checking an API call's credentials", LogSafe.throwable(e));
                    return jsonError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                            "Something went wrong on our side. Nothing was stored; please try again.");
                }
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
                limits.charge(ClientLimits.Limit.SIGN_IN_FAILURES, request);
            }
            return unauthorized(response, "The username or password is not right, or the account must wait after too many wrong passwords.");
        }
        // Payara's metrics endpoint is not protected in this application's terms (it is another module):
        // its callers are asked for credentials all the same, rather than refused unasked.
        if (context.isProtected() || isMetrics(request)) {
            return unauthorized(response, "Authentication required: send HTTP Basic credentials of a clinic account.");
        }
        return context.doNothing();
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String message) {
        response.setHeader("WWW-Authenticate", REALM);
        return jsonError(response, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static AuthenticationStatus databaseUnavailable(HttpServletResponse response) {
        response.setHeader("Retry-After", ApiExceptionMappers.RETRY_AFTER_SECONDS);
        return jsonError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ApiExceptionMappers.DATABASE_UNAVAILABLE_MESSAGE);
    }

    /** The API's error shape, written here because the mechanism answers before JAX-RS sees the request; messages are constants. */
    private static AuthenticationStatus jsonError(HttpServletResponse response, int status, String message) {
        try {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"errors\":[{\"message\":\"" + message + "\"}]}");
        } catch (IOException clientGone) {
            // Nothing to tell a client that has gone.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The JSON API, and Payara's {@code /metrics}: both take HTTP Basic, as integrations and scrapers
     * send it. Payara adds its metrics servlet to the application at the root, so it shares this
     * mechanism; {@code config/payara-pre-boot.asadmin} gives it to ADMIN, over TLS only (plain HTTP
     * is answered 403 before any credential is read).
     */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_PATH) || isMetrics(request);
    }

    private static boolean isMetrics(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals(METRICS_PATH) || uri.startsWith(METRICS_PATH + "/");
    }

    /** What an account that must enrol a second factor may open before it has: the enrolment page, resources, errors. */
    private static boolean reachableBeforeEnrolment(HttpServletRequest request) {
        String path = applicationPath(request);
        return path.equals(ENROLMENT_PAGE) || path.startsWith("/error/") || isPublicResource(request);
    }

    private static boolean isPublicResource(HttpServletRequest request) {
        String path = applicationPath(request);
        return path.startsWith("/jakarta.faces.resource/") || path.equals(SIGNED_OUT_PAGE);
    }

    /**
     * The path the container will serve, decoded and normalised (servlet path and path info), not the
     * raw request URI: {@code /jakarta.faces.resource/../admin/audit.xhtml} or a {@code ;param} must
     * not pass for a public resource.
     */
    private static String applicationPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }

    /**
     * Why a signed-in session must end now, or null: its sign-in is older than
     * {@code clinic.session.max-hours}, or its account has since been disabled, removed, given
     * another role or another password (by anyone, on any instance: the account is read each time).
     */
    private String whySessionEnds(SignedInCaller caller) {
        if (clock.instant().isAfter(caller.signedInAt().plus(Duration.ofHours(sessionMaxHours)))) {
            return "expired";
        }
        Optional<String> stamp;
        try {
            stamp = signIn.sessionStamp(caller.name());
        } catch (RuntimeException e) {
            if (DatabaseOutage.explains(e)) {
                // The page cannot read anything either; it answers as the outage.
                return null;
            }
            throw e;
        }
        return stamp.isPresent() && stamp.get().equals(caller.stamp()) ? null : "changed";
    }

    private AuthenticationStatus endSession(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                            SignedInCaller caller, String reason) {
        audit.recordSignIn(AuditAction.SIGN_OUT, caller.name(), "expired".equals(reason)
                ? "session ended: " + sessionMaxHours + " hours since sign-in"
                : "session ended: the account was disabled or its role or password changed");
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        forgetSignedInCookie(request, response);
        return context.redirect(request.getContextPath() + SIGNED_OUT_PAGE + "?reason=" + reason);
    }

    /**
     * After the caller changed their own password or second factor: this session carries the new
     * stamp and goes on (it has just proved them); the account's other sessions end at their next
     * request.
     */
    public void renewSessionStamp(HttpServletRequest request) {
        SignedInCaller caller = signedInCaller(request);
        if (caller != null) {
            request.getSession().setAttribute(SESSION_CALLER, new SignedInCaller(caller.name(), caller.groups(),
                    signIn.sessionStamp(caller.name()).orElse(""), caller.signedInAt(), signIn.mustEnrolSecondFactor(caller.name()),
                    caller.taskId()));
        }
    }

    private static SignedInCaller signedInCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInCaller) session.getAttribute(SESSION_CALLER);
    }

    private static boolean hasSignedInCookie(HttpServletRequest request) {
        return cookie(request, SIGNED_IN_COOKIE) != null;
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static void forgetSignedInCookie(HttpServletRequest request, HttpServletResponse response) {
        if (hasSignedInCookie(request)) {
            Cookie expired = new Cookie(SIGNED_IN_COOKIE, "");
            expired.setPath(cookiePath(request));
            expired.setMaxAge(0);
            expired.setHttpOnly(true);
            response.addCookie(expired);
        }
    }

    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    /**
     * Who a session signed in as, the account's stamp then ({@link SignInService#sessionStamp}), when,
     * whether it must enrol a second factor before any other page, and the task it was opened for by a
     * {@link TaskLinks task link} (null: signed in by password, no such limit).
     */
    record SignedInCaller(String name, Set<String> groups, String stamp, Instant signedInAt, boolean mustEnrol, Long taskId)
            implements Serializable {
    }

    /**
     * A right password whose second step is still to come: who, the account's stamp then, the new
     * browser's cookie if any, when, wrong codes so far.
     */
    record PendingSecondStep(String name, Set<String> groups, String stamp, String newDeviceToken, Instant passwordAt, int failures)
            implements Serializable {

        PendingSecondStep failedOnce() {
            return new PendingSecondStep(name, groups, stamp, newDeviceToken, passwordAt, failures + 1);
        }
    }
}
