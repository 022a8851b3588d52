/** What the retention job keeps of its own work: the archive files and its runs. */
package org.emailsms.gateway.retention.entity;
