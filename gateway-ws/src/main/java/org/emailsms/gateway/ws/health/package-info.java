/**
 * MicroProfile Health readiness checks. They live in a web module because Payara Server finds
 * health checks only there when the application is an EAR; in the Micro WAR they sit beside the rest.
 */
package org.emailsms.gateway.ws.health;
