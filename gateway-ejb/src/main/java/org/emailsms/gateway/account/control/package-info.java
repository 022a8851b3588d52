/** Authentication, lockout, serial numbers and passwords, joining the boundary's transaction. */
package org.emailsms.gateway.account.control;
