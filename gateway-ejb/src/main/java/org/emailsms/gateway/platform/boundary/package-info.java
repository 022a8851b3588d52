/** Start-up, resources and health: the database, its schema migrations, the message broker. */
package org.emailsms.gateway.platform.boundary;
