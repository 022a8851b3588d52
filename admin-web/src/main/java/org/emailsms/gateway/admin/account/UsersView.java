package org.emailsms.gateway.admin.account;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.BulkChange;
import org.emailsms.gateway.account.boundary.CreatedUser;
import org.emailsms.gateway.account.boundary.NewUser;
import org.emailsms.gateway.account.boundary.ProvisioningService;
import org.emailsms.gateway.account.boundary.UserAdministration;
import org.emailsms.gateway.account.control.UserCsv;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.event.FileUploadEvent;

/**
 * A company's users: add one (a password is generated and emailed), edit, move between departments,
 * disable, enable, unlock, reset the password, revoke activations, delete; and bulk upload from a
 * CSV file, whose rows are created one by one in the background while a progress bar follows.
 */
@Named
@ViewScoped
public class UsersView extends CompanyPage {

    private static final long serialVersionUID = 1L;

    @EJB
    transient UserAdministration users;

    @EJB
    transient ProvisioningService provisioning;

    @Resource
    transient ManagedExecutorService executor;

    private List<User> list = List.of();
    private List<Department> departments = List.of();
    private List<User> selected = new ArrayList<>();
    private Long moveToDepartmentId;
    private final NewUserForm form = new NewUserForm();
    private User editing;
    private String editEmail;
    private String editMobile;
    private Long editDepartmentId;
    private Role editRole;

    private volatile int importTotal;
    private volatile int importDone;
    private final List<ImportOutcome> importReport = new CopyOnWriteArrayList<>();

    /** One row of the bulk upload's report. */
    public record ImportOutcome(long line, String username, String error) implements java.io.Serializable {
    }

    @Override
    protected void loadCompanyData() throws GatewayException {
        list = users.users(caller.getName(), getCompanyId());
        departments = companies.departments(caller.getName(), getCompanyId());
    }

    public void create() {
        String username = form.username;
        if (Actions.run(() -> provisioning.createUser(caller.getName(), form.toRequest(getCompany().getName())),
                "User '" + username + "' created; the activation email with the password is on its way.")) {
            form.clear();
        }
        load();
    }

    public void edit(User user) {
        editing = user;
        editEmail = user.getEmail();
        editMobile = user.getMobile();
        editDepartmentId = user.getDepartment() == null ? null : user.getDepartment().getId();
        editRole = user.getRole();
    }

    public void save() {
        Actions.run(() -> users.change(caller.getName(), editing.getId(), editEmail, editMobile, editDepartmentId,
                editRole), "User '" + editing.getUsername() + "' saved.");
        load();
    }

    public void enable(User user) {
        act(() -> users.changeStatus(caller.getName(), user.getId(), AccountStatus.ACTIVE), user, "enabled");
    }

    public void disable(User user) {
        act(() -> users.changeStatus(caller.getName(), user.getId(), AccountStatus.DISABLED), user, "disabled");
    }

    public void unlock(User user) {
        act(() -> users.unlock(caller.getName(), user.getId()), user, "unlocked");
    }

    public void resetPassword(User user) {
        int[] revoked = new int[1];
        act(() -> revoked[0] = users.resetPassword(caller.getName(), user.getId()), user,
                "given a new password by email");
        if (revoked[0] > 0) {
            Messages.addGlobalInfo(revoked[0] + " add-in activation(s) made with the old password were revoked.");
        }
    }

    public void revoke(User user) {
        act(() -> users.revokeActivations(caller.getName(), user.getId()), user, "signed out of every add-in");
    }

    public void delete(User user) {
        act(() -> users.delete(caller.getName(), user.getId()), user, "deleted (its messages stay in the reports)");
    }

    public void disableSelected() {
        changeSelected(BulkChange.DISABLE);
    }

    public void enableSelected() {
        changeSelected(BulkChange.ENABLE);
    }

    public void revokeSelected() {
        changeSelected(BulkChange.REVOKE_ACTIVATIONS);
    }

    public void moveSelected() {
        changeSelected(BulkChange.MOVE);
    }

    /** One change to every selected user: all of them, or (one refused) none. */
    private void changeSelected(BulkChange change) {
        List<Long> ids = selected == null ? List.of() : selected.stream().map(User::getId).toList();
        if (Actions.run(() -> users.changeAll(caller.getName(), ids, change, moveToDepartmentId),
                ids.size() + " user(s) " + change.done() + ".")) {
            selected = new ArrayList<>();
        }
        load();
    }

    public List<User> getSelected() {
        return selected;
    }

    public void setSelected(List<User> selected) {
        this.selected = selected;
    }

    public Long getMoveToDepartmentId() {
        return moveToDepartmentId;
    }

    public void setMoveToDepartmentId(Long moveToDepartmentId) {
        this.moveToDepartmentId = moveToDepartmentId;
    }

    private void act(Actions.Call call, User user, String outcome) {
        Actions.run(call, "User '" + user.getUsername() + "' " + outcome + ".");
        load();
    }

    /** Reads the whole file first (so a malformed file changes nothing), then creates the rows in the background. */
    public void upload(FileUploadEvent event) {
        List<UserCsv.Row> rows;
        try (InputStreamReader reader = new InputStreamReader(event.getFile().getInputStream(), StandardCharsets.UTF_8)) {
            rows = UserCsv.read(reader);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            Messages.addGlobalError("The file cannot be read as CSV: " + e.getMessage() + " Nothing was created.");
            return;
        }
        if (rows.isEmpty()) {
            Messages.addGlobalWarn("The file holds no users, only a header (or nothing): nothing was created.");
            return;
        }
        importReport.clear();
        importDone = 0;
        importTotal = rows.size();
        String actor = caller.getName();
        String companyName = getCompany().getName();
        executor.submit(() -> {
            for (UserCsv.Row row : rows) {
                importReport.add(createRow(actor, companyName, row));
                importDone++;
            }
        });
    }

    private ImportOutcome createRow(String actor, String companyName, UserCsv.Row row) {
        try {
            Role role = Role.valueOf(row.roleOrDefault());
            if (role == Role.PROVIDER_ADMIN) {
                throw new IllegalArgumentException();
            }
            CreatedUser created = provisioning.createUser(actor, new NewUser(companyName, row.department(),
                    row.username(), row.email(), row.mobile(), role, null));
            return new ImportOutcome(row.line(), created.username(), null);
        } catch (IllegalArgumentException e) {
            return new ImportOutcome(row.line(), row.username(), "The role is SENDER or COMPANY_ADMIN, not '" + row.role() + "'.");
        } catch (GatewayException e) {
            return new ImportOutcome(row.line(), row.username(), e.getMessage());
        } catch (RuntimeException e) {
            return new ImportOutcome(row.line(), row.username(), "Not created: " + e.getClass().getSimpleName());
        }
    }

    public void importFinished() {
        long failed = importReport.stream().filter(o -> o.error() != null).count();
        Messages.addGlobalInfo(String.format("Upload finished: %d of %d users created, %d rows refused (listed below).",
                importTotal - failed, importTotal, failed));
        load();
    }

    public void downloadTemplate() throws IOException {
        Faces.sendFile(UserCsv.TEMPLATE.getBytes(StandardCharsets.UTF_8), "users-template.csv", true);
    }

    public boolean isBlocked(User user) {
        return user.isLockedAt(java.time.Instant.now());
    }

    public int getImportPercent() {
        return importTotal == 0 ? 0 : (int) (100L * importDone / importTotal);
    }

    public List<ImportOutcome> getImportErrors() {
        List<ImportOutcome> errors = new ArrayList<>(importReport.stream().filter(o -> o.error() != null).toList());
        errors.sort(java.util.Comparator.comparingLong(ImportOutcome::line));
        return errors;
    }

    public boolean isImporting() {
        return importTotal > 0;
    }

    public String getCsvColumns() {
        return UserCsv.HEADER;
    }

    public List<User> getList() {
        return list;
    }

    public List<Department> getDepartments() {
        return departments;
    }

    public NewUserForm getForm() {
        return form;
    }

    public Role[] getRoles() {
        return new Role[] {Role.SENDER, Role.COMPANY_ADMIN};
    }

    public User getEditing() {
        return editing;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public String getEditMobile() {
        return editMobile;
    }

    public void setEditMobile(String editMobile) {
        this.editMobile = editMobile;
    }

    public Long getEditDepartmentId() {
        return editDepartmentId;
    }

    public void setEditDepartmentId(Long editDepartmentId) {
        this.editDepartmentId = editDepartmentId;
    }

    public Role getEditRole() {
        return editRole;
    }

    public void setEditRole(Role editRole) {
        this.editRole = editRole;
    }

    /** The add-user form. */
    public static class NewUserForm implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private String username;
        private String email;
        private String mobile;
        private String department;
        private Role role = Role.SENDER;

        NewUser toRequest(String companyName) {
            // Usernames are normalised by the provisioning boundary, as for the SOAP API.
            return new NewUser(companyName, department, username, email, mobile, role, null);
        }

        void clear() {
            username = null;
            email = null;
            mobile = null;
            department = null;
            role = Role.SENDER;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public String getDepartment() {
            return department;
        }

        public void setDepartment(String department) {
            this.department = department;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }
}
