package org.spinepathway.security.boundary;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.entity.Role;

/**
 * Who needs a second factor: the roles of {@code clinic.security.mfa-roles} (ADMIN and PHYSICIAN
 * unless configured otherwise) always, anyone else once they enrolled one. Integration accounts
 * call the JSON API with HTTP Basic alone and never sign in on the pages; HTTP Basic from any other
 * account that needs a second factor is refused, since Basic cannot carry one.
 */
@ApplicationScoped
public class SecondFactorPolicy {

    /** What follows a right password on the sign-in page. */
    public enum NextStep {
        /** Signed in. */
        NONE,
        /** The one-time or a recovery code, on its own page. */
        CODE,
        /** Signed in, but every page leads to enrolling a second factor until it is done. */
        ENROL
    }

    @Inject
    @ConfigProperty(name = "clinic.security.mfa-roles")
    Optional<String> rolesSetting;

    private Set<Role> roles;

    @PostConstruct
    void init() {
        roles = parseRoles(rolesSetting.orElse(""));
    }

    /** A comma-separated list of role names; blank or {@code none}: no role. An unknown name is refused. */
    static Set<Role> parseRoles(String setting) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String name : setting.split(",")) {
            String trimmed = name.strip().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty() || trimmed.equals("NONE")) {
                continue;
            }
            try {
                parsed.add(Role.valueOf(trimmed));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("clinic.security.mfa-roles names no role called '" + name.strip()
                        + "': use PATIENT, PHYSIO, PHYSICIAN or ADMIN, separated by commas", unknown);
            }
        }
        return parsed;
    }

    public boolean isRequired(Role role) {
        return roles.contains(role);
    }

    /** Whether the sign-in page must still ask this account for a second factor, or to enrol one. */
    public NextStep afterPassword(Role role, boolean enrolled) {
        if (enrolled) {
            return NextStep.CODE;
        }
        return isRequired(role) ? NextStep.ENROL : NextStep.NONE;
    }

    /** Whether HTTP Basic (a password alone) is refused for this account. */
    public boolean refusesBasic(Role role, boolean enrolled, boolean integration) {
        return !integration && (enrolled || isRequired(role));
    }
}
