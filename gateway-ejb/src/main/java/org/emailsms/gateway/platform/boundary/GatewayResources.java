package org.emailsms.gateway.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The application's own resources, so that the same archive runs on Payara Micro and Payara Server
 * without server-side set-up beyond the ActiveMQ resource adapter. Values come from MicroProfile
 * Config: H2 in the data directory by default, PostgreSQL (or an external broker) by configuration.
 */
@Singleton
@DataSourceDefinition(
        name = GatewayResources.DATA_SOURCE,
        className = "${MPCONFIG=gateway.db.datasource-class}",
        url = "${MPCONFIG=gateway.db.url}",
        user = "${MPCONFIG=gateway.db.user}",
        password = "${MPCONFIG=gateway.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit"
        })
@JMSConnectionFactoryDefinition(
        name = GatewayResources.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = GatewayResources.RESOURCE_ADAPTER,
        maxPoolSize = 32,
        transactional = true)
public class GatewayResources {

    public static final String DATA_SOURCE = "java:app/jdbc/gateway";
    public static final String CONNECTION_FACTORY = "java:app/jms/gateway";
    /** The ActiveMQ resource adapter, deployed under this name before the application. */
    public static final String RESOURCE_ADAPTER = "activemq-rar";
}
