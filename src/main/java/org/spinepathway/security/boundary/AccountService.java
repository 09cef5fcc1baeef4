package org.spinepathway.security.boundary;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.spinepathway.security.control.PasswordHashing;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** Accounts as the rest of the application sees them. */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Roles that belong to clinic staff rather than patients. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.PHYSIO, Role.PHYSICIAN, Role.ADMIN);

    @Inject
    UserAccountRepository accounts;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void configureHashing() {
        passwordHash.initialize(PasswordHashing.parameters());
    }

    public Optional<UserAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    public long countStaff() {
        return accounts.countWithRoles(STAFF_ROLES);
    }

    public List<UserAccount> staffPage(int first, int pageSize) {
        return accounts.pageWithRoles(STAFF_ROLES, first, pageSize);
    }

    public boolean hasEnabledAdministrator() {
        return accounts.countEnabled(Role.ADMIN) > 0;
    }

    /** Creates an account; the password is stored only as its PBKDF2 hash. */
    public UserAccount create(String username, char[] password, Role role, String displayName) {
        UserAccount account = new UserAccount(username, passwordHash.generate(password), role, displayName);
        accounts.add(account);
        return account;
    }
}
