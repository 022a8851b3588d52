/** The retention job's parts: its settings, the encrypted archive files, the rows it reads and deletes. */
package org.emailsms.gateway.retention.control;
