package org.spinepathway.security.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.platform.boundary.DatabaseMigration;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * Accounts in the database. A concrete class rather than Cargo Tracker's interface plus JPA
 * implementation: there is one store and will be one, and the named queries live on the entity.
 */
@ApplicationScoped
public class UserAccountRepository {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Resource(lookup = DatabaseMigration.DATASOURCE)
    DataSource dataSource;

    /**
     * What an API call needs to know of its caller's account: who they are, their password's hash,
     * whether it is enabled, and until when sign-ins from unknown clients wait ({@link SignInDelay}).
     */
    public record Standing(String username, Role role, String passwordHash, boolean enabled, Instant delayedUntil,
                           Instant secondFactorSince, boolean integration) {

        public boolean hasSecondFactor() {
            return secondFactorSince != null;
        }
    }

    /**
     * The account's standing, read with one statement and no entity: every API call reads it (a
     * disabled or locked account must stop at once), and through JPA, outside a transaction, each read
     * made and closed an entity manager and built the whole entity, about a twentieth of a call's CPU.
     */
    public Optional<Standing> standing(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT username, role, password_hash, enabled, locked_until, totp_enabled_at, integration"
                     + " FROM user_account WHERE username = ?")) {
            s.setString(1, UserAccount.normalizeUsername(username));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp lockedUntil = rs.getTimestamp(5);
                Timestamp secondFactorSince = rs.getTimestamp(6);
                return Optional.of(new Standing(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                        lockedUntil == null ? null : lockedUntil.toInstant(),
                        secondFactorSince == null ? null : secondFactorSince.toInstant(), rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the account " + username + ": " + e.getMessage(), e);
        }
    }

    public Optional<UserAccount> findByUsername(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", UserAccount.normalizeUsername(username))
                .getResultStream()
                .findFirst();
    }

    /**
     * The account, locked for update until the transaction ends, so that concurrent sign-in
     * attempts on one account count their failures one after another.
     */
    public Optional<UserAccount> findByUsernameForUpdate(String username) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME, UserAccount.class)
                .setParameter("username", UserAccount.normalizeUsername(username))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public Optional<UserAccount> find(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public boolean usernameTaken(String username) {
        return findByUsername(username).isPresent();
    }

    public long countEnabled(Role role) {
        return em.createNamedQuery(UserAccount.COUNT_ENABLED_BY_ROLE, Long.class)
                .setParameter("role", role)
                .getSingleResult();
    }

    public long countWithRoles(Collection<Role> roles) {
        return em.createNamedQuery(UserAccount.COUNT_BY_ROLES, Long.class)
                .setParameter("roles", roles)
                .getSingleResult();
    }

    /** The enabled colleagues of one role, by name: a clinic has tens of them, not thousands. */
    public List<UserAccount> enabledWithRole(Role role) {
        return em.createNamedQuery(UserAccount.FIND_ENABLED_BY_ROLE, UserAccount.class).setParameter("role", role).getResultList();
    }

    /** One page of accounts with the given roles, ordered by role then username. */
    public List<UserAccount> pageWithRoles(Collection<Role> roles, int first, int pageSize) {
        return em.createNamedQuery(UserAccount.FIND_BY_ROLES, UserAccount.class)
                .setParameter("roles", roles)
                .setFirstResult(first)
                .setMaxResults(pageSize)
                .getResultList();
    }

    /**
     * Adds the account and writes it at once: its id is known to the caller (the audit event names
     * it), and a username taken meanwhile by a concurrent sign-up fails here, as a
     * {@link jakarta.persistence.PersistenceException} the caller can answer, not at commit.
     */
    public void add(UserAccount account) {
        em.persist(account);
        em.flush();
    }
}
