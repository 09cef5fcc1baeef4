package org.spinepathway.security.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.entity.UserAccount;

/** {@code /admin/accounts.xhtml}: the clinic's staff accounts, paged in the database. */
@Named
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accountService;

    private final LazyDataModel<UserAccount> staff = new StaffAccounts();

    public LazyDataModel<UserAccount> getStaff() {
        return staff;
    }

    private final class StaffAccounts extends LazyDataModel<UserAccount> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(accountService.countStaff());
        }

        @Override
        public List<UserAccount> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return accountService.staffPage(first, pageSize);
        }
    }
}
