package org.spinepathway.security.control;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

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

    public void add(UserAccount account) {
        em.persist(account);
    }
}
