package org.emailsms.gateway.admin.account;

import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** A company's departments (cost centres): create, rename, daily quota, disable and enable, delete when empty. */
@Named
@ViewScoped
public class DepartmentsView extends CompanyPage {

    private static final long serialVersionUID = 1L;

    private List<Department> departments = List.of();
    private String newName;
    private Integer newQuota;
    private Department editing;
    private String editName;
    private Integer editQuota;

    @Override
    protected void loadCompanyData() throws GatewayException {
        departments = companyDepartments.list(caller.getName(), getCompanyId());
    }

    public void create() {
        if (Actions.run(() -> companyDepartments.create(caller.getName(), getCompanyId(), newName, newQuota),
                "Department '" + newName + "' created.")) {
            newName = null;
            newQuota = null;
        }
        load();
    }

    public void edit(Department department) {
        editing = department;
        editName = department.getName();
        editQuota = department.getDailyQuota();
    }

    public void save() {
        Actions.run(() -> companyDepartments.change(caller.getName(), editing.getId(), editName, editQuota),
                "Department '" + editName + "' saved.");
        load();
    }

    public void enable(Department department) {
        Actions.run(() -> companyDepartments.changeStatus(caller.getName(), department.getId(), AccountStatus.ACTIVE),
                "Department '" + department.getName() + "' enabled.");
        load();
    }

    public void disable(Department department) {
        Actions.run(() -> companyDepartments.changeStatus(caller.getName(), department.getId(), AccountStatus.DISABLED),
                "Department '" + department.getName() + "' disabled: its users cannot send.");
        load();
    }

    public void delete(Department department) {
        Actions.run(() -> companyDepartments.delete(caller.getName(), department.getId()),
                "Department '" + department.getName() + "' deleted.");
        load();
    }

    public List<Department> getDepartments() {
        return departments;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public Integer getNewQuota() {
        return newQuota;
    }

    public void setNewQuota(Integer newQuota) {
        this.newQuota = newQuota;
    }

    public Department getEditing() {
        return editing;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public Integer getEditQuota() {
        return editQuota;
    }

    public void setEditQuota(Integer editQuota) {
        this.editQuota = editQuota;
    }
}
