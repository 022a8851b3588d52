/** Accounts end to end: activation, lockout, disabled accounts, provisioning, data surviving restarts. */
package org.emailsms.gateway.it.account;
