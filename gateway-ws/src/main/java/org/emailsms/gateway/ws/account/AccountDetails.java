package org.emailsms.gateway.ws.account;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.account.boundary.AccountSummary;

/** Who an activated add-in acts for. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "AccountDetails", propOrder = {"username", "email", "mobile", "role", "company", "department"})
public class AccountDetails {

    private String username;
    private String email;
    private String mobile;
    private String role;
    private String company;
    private String department;

    public AccountDetails() {
    }

    static AccountDetails of(AccountSummary summary) {
        AccountDetails account = new AccountDetails();
        account.username = summary.username();
        account.email = summary.email();
        account.mobile = summary.mobile();
        account.role = summary.role().name();
        account.company = summary.companyName();
        account.department = summary.departmentName();
        return account;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getMobile() {
        return mobile;
    }

    public String getRole() {
        return role;
    }

    public String getCompany() {
        return company;
    }

    public String getDepartment() {
        return department;
    }
}
