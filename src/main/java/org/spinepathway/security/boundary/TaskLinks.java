package org.spinepathway.security.boundary;

/**
 * Links e-mailed to a patient that sign them in for one task only, without a password: answering
 * one follow-up check-in. Opened on {@link #PAGE} with the token in {@link #TOKEN_PARAMETER}, such
 * a link opens a session that reaches that page and nothing else (no other page, no API). The
 * feature that sends the links implements this interface; the authentication mechanism asks it
 * what an opened link allows, so this package knows nothing of follow-up.
 */
public interface TaskLinks {

    /** The one page a task link opens, and the only page its session may reach. */
    String PAGE = "/follow-up.xhtml";
    String TOKEN_PARAMETER = "t";
    /** Set on the request, to a {@link Refusal}, when a link was opened that cannot be used. */
    String REFUSED = TaskLinks.class.getName() + ".refused";

    /**
     * Why a link opens nothing: it is unknown (or of a patient the clinic no longer writes to); its
     * time is over; its task is done; a newer e-mail's link replaced it; its account signs in with
     * two steps (a link carries no second factor); or this browser is signed in by password already
     * (a link never replaces that session).
     */
    enum Refusal {
        UNKNOWN,
        EXPIRED,
        DONE,
        REPLACED,
        TWO_STEP,
        SIGNED_IN
    }

    /** Whom the link signs in and for which task ({@code taskId}), or why it does not ({@code refusal}, username then possibly null). */
    record Opening(String username, long taskId, Refusal refusal) {

        public static Opening refused(Refusal why, String username) {
            return new Opening(username, 0, why);
        }
    }

    /** What the link holding {@code token} allows now; changes nothing. */
    Opening open(String token);
}
