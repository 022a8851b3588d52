/** What every persistent entity shares: identity from one database sequence. */
package org.emailsms.gateway.platform.entity;
