package org.spinepathway.security.control;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a form POST comes from a page of this site, by what the browser says of it: a forged
 * sign-in or registration posted from another site would sign the victim's browser in as the
 * attacker (login CSRF), and these forms hold no session whose token could tell them apart.
 * <p>
 * {@code Sec-Fetch-Site} decides when the browser sends it ({@code same-origin}, or {@code none}
 * for an address typed or bookmarked); otherwise {@code Origin}, which browsers send on every
 * POST; otherwise {@code Referer}. A POST that says nothing of where it comes from is refused too:
 * every browser that can run the portal sends at least one of them.
 */
public final class CrossSiteCheck {

    private CrossSiteCheck() {
    }

    /**
     * Why the POST is refused, or empty when it comes from one of {@code ownOrigins}
     * ({@code scheme://host[:port]}, lower case, without a default port).
     */
    public static Optional<String> refusal(String fetchSite, String origin, String referer, Collection<String> ownOrigins) {
        if (fetchSite != null && !fetchSite.isBlank()) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none") ? Optional.empty() : Optional.of("Sec-Fetch-Site " + site);
        }
        if (origin != null && !origin.isBlank()) {
            return ownOrigins.contains(originOf(origin.trim())) ? Optional.empty() : Optional.of("foreign Origin");
        }
        if (referer != null && !referer.isBlank()) {
            return ownOrigins.contains(originOf(referer.trim())) ? Optional.empty() : Optional.of("foreign Referer");
        }
        return Optional.of("no Sec-Fetch-Site, Origin or Referer");
    }

    /** {@code scheme://host[:port]} of an address, lower case, without the scheme's default port; "" when it is none. */
    public static String originOf(String address) {
        try {
            URI uri = new URI(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException notAnAddress) {
            return "";
        }
    }
}
