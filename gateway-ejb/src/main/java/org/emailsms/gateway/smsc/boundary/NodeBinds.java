package org.emailsms.gateway.smsc.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.control.NodeName;
import org.emailsms.gateway.platform.control.Timestamps;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * The SMPP binds of every node that shares the database: each node writes its own binds' states
 * with every bind check, so that whichever node serves the Operations page shows them all. A node
 * that stops cleanly removes its rows; one that died keeps its last word, marked as not heard from.
 */
@Stateless
public class NodeBinds {

    /** A node not heard from for this many bind checks is shown as silent. */
    private static final int CHECKS_BEFORE_SILENT = 3;
    /** Rows of nodes gone this long are forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    /** One bind of one node, as that node last reported it. */
    public record NodeBind(String node, String bind, String state, OffsetDateTime seenAt, boolean silent,
                           boolean thisNode) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    SmppConnector connector;

    @Inject
    SmscSettings settings;

    @Inject
    NodeName node;

    /** Writes this node's binds as they are now. */
    public void publish() {
        publish(node.get(), described(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** At a clean stop: this node's binds are no more. */
    public void withdraw() {
        em.createNativeQuery("DELETE FROM node_bind WHERE node_name = ?1").setParameter(1, node.get()).executeUpdate();
    }

    /** Every node's binds, this node's as they are now, by node and bind. */
    public List<NodeBind> all() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return all(node.get(), described(), now,
                now.minus(settings.bindCheckInterval().multipliedBy(CHECKS_BEFORE_SILENT)));
    }

    /**
     * For each carrier, whether any node heard from lately has a bind of it up (other nodes' binds
     * are matched to carriers by name: the nodes share one configuration).
     */
    public Map<String, Boolean> carriersBound() {
        Map<String, String> carrierOf = new HashMap<>();
        connector.bindStates().forEach((bind, state) -> carrierOf.put(bind, state.carrier()));
        Map<String, Boolean> bound = new TreeMap<>();
        carrierOf.values().forEach(carrier -> bound.put(carrier, false));
        for (NodeBind bind : all()) {
            String carrier = carrierOf.get(bind.bind());
            if (carrier != null && !bind.silent() && !bind.state().contains(" not bound")) {
                bound.put(carrier, true);
            }
        }
        return bound;
    }

    /**
     * Whether this node comes first by name among the nodes heard from lately: the one that acts
     * for all of them where one must (the alerts).
     */
    public boolean isFirstNode() {
        String self = node.get();
        return all().stream().filter(bind -> !bind.silent()).map(NodeBind::node).min(Comparator.naturalOrder())
                .orElse(self).equals(self);
    }

    private Map<String, String> described() {
        Map<String, String> states = new LinkedHashMap<>();
        connector.bindStates().forEach((bind, state) -> states.put(bind, state.describe()));
        return states;
    }

    void publish(String nodeName, Map<String, String> states, OffsetDateTime now) {
        em.createNativeQuery("DELETE FROM node_bind WHERE node_name = ?1 OR seen_at < ?2")
                .setParameter(1, nodeName).setParameter(2, now.minus(FORGET_AFTER)).executeUpdate();
        states.forEach((bind, state) -> em.createNativeQuery(
                        "INSERT INTO node_bind (node_name, bind_name, state, seen_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, nodeName).setParameter(2, bind).setParameter(3, truncate(state))
                .setParameter(4, now).executeUpdate());
    }

    List<NodeBind> all(String nodeName, Map<String, String> live, OffsetDateTime now, OffsetDateTime silentBefore) {
        List<NodeBind> binds = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT node_name, bind_name, state, seen_at FROM node_bind WHERE node_name <> ?1")
                .setParameter(1, nodeName).getResultList();
        for (Object[] row : rows) {
            OffsetDateTime seen = Timestamps.utc(row[3]);
            binds.add(new NodeBind((String) row[0], (String) row[1], (String) row[2], seen, seen.isBefore(silentBefore), false));
        }
        live.forEach((bind, state) -> binds.add(new NodeBind(nodeName, bind, state, now, false, true)));
        binds.sort(Comparator.comparing(NodeBind::node).thenComparing(NodeBind::bind));
        return binds;
    }

    private static String truncate(String state) {
        return state.length() <= 255 ? state : state.substring(0, 255);
    }
}
