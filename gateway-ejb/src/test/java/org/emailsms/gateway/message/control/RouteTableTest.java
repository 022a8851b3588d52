package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes' rows keep the order, every criterion (a company's name with a comma too) and the carriers' order. */
class RouteTableTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private static final Routes.Rule ACME = new Routes.Rule("acme", List.of(), Set.of(),
            Set.of("acme, inc.", "acme pty ltd"), Set.of("sales"), Set.of("bulk"), List.of("nz", "au"));
    private static final Routes.Rule AUSTRALIA = new Routes.Rule("australia", List.of("+61", "+672"), Set.of("AU"),
            Set.of(), Set.of(), Set.of(), List.of("au", "default"));
    private static final Routes.Rule BLOCKED = new Routes.Rule("blocked", List.of("+44"), Set.of(), Set.of(), Set.of(),
            Set.of(), List.of());

    @Test
    void whatIsWrittenIsReadBackInOrder() {
        database.inTransaction((EntityManager em) -> new RouteTable(em).replace(List.of(ACME, AUSTRALIA, BLOCKED)));

        assertEquals(List.of(ACME, AUSTRALIA, BLOCKED), database.inTransaction((EntityManager em) -> new RouteTable(em).read()));

        database.inTransaction((EntityManager em) -> new RouteTable(em).replace(List.of(BLOCKED)));
        assertEquals(List.of(BLOCKED), database.inTransaction((EntityManager em) -> new RouteTable(em).read()));
    }

    @Test
    void theConfiguredRoutesAreTheFirstOnlyOnAnEmptyTable() {
        database.inTransaction((EntityManager em) -> new RouteTable(em).replace(List.of(BLOCKED)));

        assertFalse(database.inTransaction((EntityManager em) -> new RouteTable(em).storeIfEmpty(List.of(ACME))));
        assertEquals(List.of(BLOCKED), database.inTransaction((EntityManager em) -> new RouteTable(em).read()));
    }
}
