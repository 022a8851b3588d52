package org.emailsms.gateway.platform.boundary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which request paths the filter lets through to the security constraints' text matching. */
class HttpHardeningFilterTest {

    @Test
    void plainPathsPass() {
        for (String path : List.of("/", "/admin/operations.xhtml", "/ws/message", "/admin/export.csv",
                "/jakarta.faces.resource/theme.css.xhtml", "/health/ready")) {
            assertTrue(HttpHardeningFilter.isPlain(path), path);
        }
    }

    @Test
    void pathsThatCouldSlipPastAConstraintAreRefused() {
        for (String path : List.of("/admin//operations.xhtml", "/admin/./operations.xhtml",
                "/admin/operations.xhtml;a=b", "/admin/%2e/operations.xhtml", "/admin/%2E%2E/admin/operations.xhtml",
                "/admin/x/../operations.xhtml", "/admin%2foperations.xhtml", "/admin\\operations.xhtml",
                "/admin/%252e/operations.xhtml", "/admin/.")) {
            assertFalse(HttpHardeningFilter.isPlain(path), path);
        }
    }
}
