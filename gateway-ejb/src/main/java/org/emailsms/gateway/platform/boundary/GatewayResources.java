package org.emailsms.gateway.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.resource.AdministeredObjectDefinition;
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
        // Every request runs the same few statements: parsing them once per connection saves ~7% CPU (docs/performance.md).
        maxStatements = 256,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            // Validated at most once a minute per connection, not at every checkout.
            "fish.payara.validate-atmost-once-period-in-seconds=60"
        })
@JMSConnectionFactoryDefinition(
        name = GatewayResources.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = GatewayResources.RESOURCE_ADAPTER,
        maxPoolSize = 32,
        transactional = true)
@AdministeredObjectDefinition(
        name = GatewayResources.OUTBOUND_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = GatewayResources.RESOURCE_ADAPTER,
        properties = "PhysicalName=" + GatewayResources.OUTBOUND_DESTINATION)
@AdministeredObjectDefinition(
        name = GatewayResources.INBOUND_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        className = "org.apache.activemq.command.ActiveMQQueue",
        resourceAdapter = GatewayResources.RESOURCE_ADAPTER,
        properties = "PhysicalName=" + GatewayResources.INBOUND_DESTINATION)
public class GatewayResources {

    public static final String DATA_SOURCE = "java:app/jdbc/gateway";
    public static final String CONNECTION_FACTORY = "java:app/jms/gateway";
    public static final String OUTBOUND_QUEUE = "java:app/jms/outbound";
    /** The broker's name of the outbound queue; the outbound MDB listens on it. */
    public static final String OUTBOUND_DESTINATION = "gateway.outbound";
    public static final String INBOUND_QUEUE = "java:app/jms/inbound";
    /** The broker's name of the inbound queue: receipts and replies the SMSC delivered. */
    public static final String INBOUND_DESTINATION = "gateway.inbound";
    /** The ActiveMQ resource adapter, deployed under this name before the application. */
    public static final String RESOURCE_ADAPTER = "activemq-rar";
}
