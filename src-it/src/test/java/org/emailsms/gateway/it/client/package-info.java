/** The client side of the gateway against the deployed gateway: the licence, compression, history and the emailsms command. */
package org.emailsms.gateway.it.client;
