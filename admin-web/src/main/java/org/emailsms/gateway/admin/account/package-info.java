/** Provisioning pages: companies, their settings and login criteria, departments, users and bulk upload, destination restrictions. */
package org.emailsms.gateway.admin.account;
