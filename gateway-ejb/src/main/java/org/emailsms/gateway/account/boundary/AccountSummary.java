package org.emailsms.gateway.account.boundary;

import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;

/** Who an activated add-in acts for, as shown in its account settings. */
public record AccountSummary(String username, String email, String mobile, Role role, String companyName,
                             String departmentName) {

    static AccountSummary of(User user) {
        return new AccountSummary(user.getUsername(), user.getEmail(), user.getMobile(), user.getRole(),
                user.getCompany() == null ? null : user.getCompany().getName(),
                user.getDepartment() == null ? null : user.getDepartment().getName());
    }
}
