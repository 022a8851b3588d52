package org.emailsms.gateway.admin.account;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.BulkChange;
import org.emailsms.gateway.account.boundary.NewUser;
import org.emailsms.gateway.account.boundary.Users;
import org.emailsms.gateway.account.boundary.UserImportProgress;
import org.emailsms.gateway.account.boundary.UserImports;
import org.emailsms.gateway.account.control.UserCsv;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.UserImportRow;
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
 * CSV file, run by {@link UserImports} while a progress bar follows its stored progress.
 */
@Named
@ViewScoped
public class UsersView extends CompanyPage {

    private static final long serialVersionUID = 1L;
    private static final java.time.format.DateTimeFormatter STARTED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

    @EJB
    transient Users users;

    @EJB
    transient UserImports imports;

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

    private UserImportProgress upload;
    private List<UserImportRow> refused = List.of();

    @Override
    protected void loadCompanyData() throws GatewayException {
        list = users.users(caller.getName(), getCompanyId());
        departments = companyDepartments.list(caller.getName(), getCompanyId());
        refreshUpload();
    }

    public void create() {
        String username = form.username;
        if (Actions.run(() -> users.create(caller.getName(), getCompanyId(), form.departmentId, form.toRequest()),
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

    /** Reads the whole file first (so a malformed file changes nothing), then hands it to the container to create. */
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
        Actions.run(() -> imports.start(caller.getName(), getCompanyId(), event.getFile().getFileName(), rows), null);
        refreshUpload();
    }

    /** The progress bar's poll: the stored progress of the company's latest upload. */
    public void refreshUpload() {
        try {
            boolean wasRunning = upload != null && !upload.isFinished();
            upload = imports.latest(caller.getName(), getCompanyId()).orElse(null);
            // The refused rows are read once the upload has ended, not at every poll while it runs.
            refused = upload == null || !upload.isFinished() ? List.of() : imports.refused(caller.getName(), upload.id());
            if (wasRunning && upload != null && upload.isFinished()) {
                list = users.users(caller.getName(), getCompanyId());
            }
        } catch (GatewayException e) {
            upload = null;
            refused = List.of();
        }
    }

    public UserImportProgress getUpload() {
        return upload;
    }

    public List<UserImportRow> getRefused() {
        return refused;
    }

    /** When the upload started, in the company's time zone, the zone named. */
    public String getUploadStarted() {
        return upload == null ? "" : upload.startedAt().atZoneSameInstant(getCompany().getTimeZone()).format(STARTED);
    }

    public boolean isUploading() {
        return upload != null && !upload.isFinished();
    }

    public void downloadTemplate() throws IOException {
        Faces.sendFile(UserCsv.TEMPLATE.getBytes(StandardCharsets.UTF_8), "users-template.csv", true);
    }

    public boolean isBlocked(User user) {
        return user.isLockedAt(java.time.Instant.now());
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
        private Long departmentId;
        private Role role = Role.SENDER;

        NewUser toRequest() {
            // Usernames are normalised by the users boundary, as for the SOAP API.
            return new NewUser(username, email, mobile, role, null);
        }

        void clear() {
            username = null;
            email = null;
            mobile = null;
            departmentId = null;
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

        public Long getDepartmentId() {
            return departmentId;
        }

        public void setDepartmentId(Long departmentId) {
            this.departmentId = departmentId;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }
    }
}
