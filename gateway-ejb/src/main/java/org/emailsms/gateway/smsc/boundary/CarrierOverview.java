package org.emailsms.gateway.smsc.boundary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.smsc.control.SmppConnector;

/** Each carrier as the Operations page shows it: its binds on this node, what it took and refused, what waits for it. */
@Stateless
public class CarrierOverview {

    /**
     * One carrier: binds up of its binds on this node, parts it acknowledged and did not take on this
     * node since start, and messages waiting whose route names it first (across the nodes).
     */
    public record CarrierState(String name, long bindsUp, long binds, long acknowledged, long notTaken,
                               long waiting) implements java.io.Serializable {
    }

    @EJB
    SmppConnector connector;

    @EJB
    OutboundBacklog backlog;

    @Inject
    CarrierNames names;

    @Inject
    DeliveryStatistics statistics;

    public List<CarrierState> carriers() {
        Map<String, long[]> binds = new LinkedHashMap<>();
        names.all().forEach(name -> binds.put(name, new long[2]));
        connector.bindStates().values().forEach(state -> {
            long[] counts = binds.computeIfAbsent(state.carrier(), name -> new long[2]);
            counts[0] += state.bound() ? 1 : 0;
            counts[1]++;
        });
        Map<String, Long> waiting = backlog.waitingByFirstCarrier();
        List<CarrierState> carriers = new ArrayList<>();
        binds.forEach((name, counts) -> carriers.add(new CarrierState(name, counts[0], counts[1],
                statistics.acknowledgedBy(name), statistics.notTakenBy(name), waiting.getOrDefault(name, 0L))));
        return carriers;
    }
}
