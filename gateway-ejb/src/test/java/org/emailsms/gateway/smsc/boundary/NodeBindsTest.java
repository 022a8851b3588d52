package org.emailsms.gateway.smsc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.smsc.boundary.NodeBinds.NodeBind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several nodes on one database: each page shows every node's binds, a silent node marked as such. */
class NodeBindsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aNodeSeesItsOwnBindsLiveAndTheOthersAsTheyLastReported() {
        database.inTransaction(em -> {
            binds(em).publish("node-a", Map.of("a", "smsc:2775 bound"), NOW.minusSeconds(2));
            binds(em).publish("node-b", Map.of("a", "smsc:2775 bound", "b", "smsc:2775 not bound"), NOW.minusMinutes(5));
            binds(em).publish("node-a", Map.of("a", "smsc:2775 not bound"), NOW.minusSeconds(1));
        });

        List<NodeBind> seen = database.inTransaction(em -> {
            return binds(em).all("node-c", Map.of("a", "smsc:2775 bound"), NOW, NOW.minusSeconds(15));
        });

        assertEquals(List.of("node-a a smsc:2775 not bound false", "node-b a smsc:2775 bound true",
                "node-b b smsc:2775 not bound true", "node-c a smsc:2775 bound false"),
                seen.stream().map(b -> b.node() + " " + b.bind() + " " + b.state() + " " + b.silent()).toList(),
                "a node's last report replaces its earlier one; node-b has been silent for five minutes");
        assertEquals(List.of(false, false, false, true), seen.stream().map(NodeBind::thisNode).toList());
    }

    @Test
    void nodesGoneForADayAreForgotten() {
        database.inTransaction(em -> {
            binds(em).publish("gone", Map.of("a", "smsc:2775 bound"), NOW.minusDays(2));
            binds(em).publish("here", Map.of("a", "smsc:2775 bound"), NOW);
        });

        List<NodeBind> seen = database.inTransaction(em -> {
            return binds(em).all("here", Map.of(), NOW, NOW.minusSeconds(15));
        });

        assertEquals(List.of(), seen, "the page's own node is shown live only, and the old one is gone");
    }

    private static NodeBinds binds(EntityManager em) {
        NodeBinds binds = new NodeBinds();
        binds.em = em;
        return binds;
    }
}
