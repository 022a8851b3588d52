/**
 * MicroProfile Metrics of the gateway, published from the web module: Payara Server serves metrics
 * (like health checks) only from web modules when the application is an EAR.
 */
package org.emailsms.gateway.ws.metrics;
