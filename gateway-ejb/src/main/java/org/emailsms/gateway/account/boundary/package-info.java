/** Accounts: add-in activation and provisioning of companies, departments and users. */
package org.emailsms.gateway.account.boundary;
