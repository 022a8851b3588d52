package org.emailsms.gateway.ws.metrics;

import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.Tag;
import org.emailsms.gateway.platform.control.NodeName;

/** Every gauge is labelled with the node that reports it, so that several nodes' figures can be told apart and summed. */
final class NodeLabel {

    private NodeLabel() {
    }

    static MetricID id(String name, NodeName node) {
        return new MetricID(name, new Tag("node", node.get()));
    }

    /** One carrier's figure on this node. */
    static MetricID id(String name, NodeName node, String carrier) {
        return new MetricID(name, new Tag("node", node.get()), new Tag("carrier", carrier));
    }
}
