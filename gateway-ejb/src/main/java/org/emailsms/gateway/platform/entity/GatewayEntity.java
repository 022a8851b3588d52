package org.emailsms.gateway.platform.entity;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;

/**
 * Identity from one shared sequence. SEQUENCE rather than IDENTITY: EclipseLink's IDENTITY DDL fails
 * on H2 2.x, and a sequence with a large increment saves a round trip per insert.
 */
@MappedSuperclass
public abstract class GatewayEntity {

    @Id
    @SequenceGenerator(name = "gw_id", sequenceName = "gw_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gw_id")
    private Long id;

    public Long getId() {
        return id;
    }
}
