package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class NodeNameTest {

    @Test
    void theConfiguredNameTrimmedElseTheHostsName() {
        assertEquals("node-1", NodeName.of("  node-1 "));
        assertEquals(NodeName.MAX_LENGTH, NodeName.of("n".repeat(100)).length(), "as long as the database keeps");
        assertFalse(NodeName.of(null).isBlank());
        assertEquals(NodeName.of(null), NodeName.of(" "), "blank is not a name");
    }
}
