/** Companies (tenants), departments (cost centres), users, add-in activations and the login audit. */
package org.emailsms.gateway.account.entity;
