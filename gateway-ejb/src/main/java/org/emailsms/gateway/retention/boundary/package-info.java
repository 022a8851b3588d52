/**
 * Retention: after their period, messages, replies and the login audit are archived, encrypted to
 * the operator's public key, and then deleted from the database by a daily job.
 */
package org.emailsms.gateway.retention.boundary;
