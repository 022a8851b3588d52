/** SOAP endpoints of the gateway, one package per business component; they only translate and delegate. */
package org.emailsms.gateway.ws;
