package org.emailsms.gateway.message.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The routes' rows ({@code carrier_route}), in the order they are tried; a list column holds one value a line. */
@Dependent
public class RouteTable {

    @PersistenceContext
    EntityManager em;

    public RouteTable() {
    }

    /** Outside the container (tests). */
    RouteTable(EntityManager em) {
        this.em = em;
    }

    public List<Routes.Rule> read() {
        List<Routes.Rule> rules = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT name, prefixes, countries, companies, departments, kinds, carriers "
                + "FROM carrier_route ORDER BY position").getResultList()) {
            Object[] c = (Object[]) row;
            rules.add(new Routes.Rule((String) c[0], lines(c[1]), Set.copyOf(lines(c[2])), Set.copyOf(lines(c[3])),
                    Set.copyOf(lines(c[4])), Set.copyOf(lines(c[5])), lines(c[6])));
        }
        return rules;
    }

    /** Replaces every rule, in the caller's transaction. */
    public void replace(List<Routes.Rule> rules) {
        em.createNativeQuery("DELETE FROM carrier_route").executeUpdate();
        for (int i = 0; i < rules.size(); i++) {
            Routes.Rule rule = rules.get(i);
            em.createNativeQuery("INSERT INTO carrier_route (position, name, prefixes, countries, companies, departments, "
                            + "kinds, carriers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, i + 1).setParameter(2, rule.name())
                    .setParameter(3, String.join("\n", rule.prefixes()))
                    .setParameter(4, String.join("\n", rule.countries().stream().sorted().toList()))
                    .setParameter(5, String.join("\n", rule.companies().stream().sorted().toList()))
                    .setParameter(6, String.join("\n", rule.departments().stream().sorted().toList()))
                    .setParameter(7, String.join("\n", rule.kinds().stream().sorted().toList()))
                    .setParameter(8, String.join("\n", rule.carriers())).executeUpdate();
        }
    }

    /**
     * At a start on an empty table: the rules of {@code gateway.routes} become the table's. Several
     * nodes starting at once: the first insert wins, the others' fail on the key and change nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean storeIfEmpty(List<Routes.Rule> configured) {
        if (configured.isEmpty() || ((Number) em.createNativeQuery("SELECT COUNT(*) FROM carrier_route")
                .getSingleResult()).longValue() > 0) {
            return false;
        }
        replace(configured);
        return true;
    }

    private static List<String> lines(Object column) {
        String text = (String) column;
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
