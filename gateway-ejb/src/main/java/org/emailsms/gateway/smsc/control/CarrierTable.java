package org.emailsms.gateway.smsc.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * The carriers added by the provider's administrators ({@code carrier}), their passwords encrypted
 * under the content key. In the caller's transaction, or none for reading.
 */
@Dependent
public class CarrierTable {

    /** A carrier as stored: the passwords only as whether one is set, or the new one to store (null keeps it). */
    public record Row(String name, String host, int port, String systemId, String password, String systemType,
                      int binds, int window, int throughput, int sourceTon, int sourceNpi, Duration validityPeriod,
                      boolean receipts, boolean tls, String trustStore, String trustStorePassword) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ContentCipher cipher;

    /** Every added carrier, passwords decrypted, as the connector opens them. */
    public List<CarrierSettings> read() {
        List<CarrierSettings> carriers = new ArrayList<>();
        for (Object[] c : rows()) {
            String name = (String) c[0];
            int binds = ((Number) c[6]).intValue();
            String password = open(c[4]);
            List<BindSettings> bindSettings = BindSettings.ofCarrier(name, binds, (String) c[1], ((Number) c[2]).intValue(),
                    (String) c[3], password, (String) c[5], ((Number) c[7]).intValue(), ((Number) c[8]).intValue());
            carriers.add(new CarrierSettings(name, bindSettings, ((Number) c[9]).byteValue(), ((Number) c[10]).byteValue(),
                    Optional.ofNullable((String) c[11]).map(Duration::parse), (Boolean) c[12],
                    new CarrierSettings.Tls((Boolean) c[13], Optional.ofNullable((String) c[14]).map(Path::of), open(c[15]))));
        }
        return carriers;
    }

    /** Every added carrier without its passwords: {@code password} and {@code trustStorePassword} say "set" or null. */
    public List<Row> list() {
        List<Row> rows = new ArrayList<>();
        for (Object[] c : rows()) {
            rows.add(new Row((String) c[0], (String) c[1], ((Number) c[2]).intValue(), (String) c[3],
                    c[4] == null ? null : "set", (String) c[5], ((Number) c[6]).intValue(), ((Number) c[7]).intValue(),
                    ((Number) c[8]).intValue(), ((Number) c[9]).intValue(), ((Number) c[10]).intValue(),
                    c[11] == null ? null : Duration.parse((String) c[11]), (Boolean) c[12], (Boolean) c[13],
                    (String) c[14], c[15] == null ? null : "set"));
        }
        return rows;
    }

    /** Adds it, or changes it keeping the passwords given as null. */
    public void save(Row row) {
        String validity = row.validityPeriod() == null ? null : row.validityPeriod().toString();
        int changed = em.createNativeQuery("""
                        UPDATE carrier SET host = ?2, port = ?3, system_id = ?4, system_type = ?5, binds = ?6,
                               bind_window = ?7, throughput = ?8, source_ton = ?9, source_npi = ?10,
                               validity_period = ?11, receipts = ?12, tls = ?13, trust_store = ?14 WHERE name = ?1""")
                .setParameter(1, row.name()).setParameter(2, row.host()).setParameter(3, row.port())
                .setParameter(4, row.systemId()).setParameter(5, row.systemType()).setParameter(6, row.binds())
                .setParameter(7, row.window()).setParameter(8, row.throughput()).setParameter(9, row.sourceTon())
                .setParameter(10, row.sourceNpi()).setParameter(11, validity).setParameter(12, row.receipts())
                .setParameter(13, row.tls()).setParameter(14, row.trustStore()).executeUpdate();
        if (changed == 0) {
            em.createNativeQuery("""
                            INSERT INTO carrier (name, host, port, system_id, system_type, binds, bind_window, throughput,
                                                 source_ton, source_npi, validity_period, receipts, tls, trust_store)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                    .setParameter(1, row.name()).setParameter(2, row.host()).setParameter(3, row.port())
                    .setParameter(4, row.systemId()).setParameter(5, row.systemType()).setParameter(6, row.binds())
                    .setParameter(7, row.window()).setParameter(8, row.throughput()).setParameter(9, row.sourceTon())
                    .setParameter(10, row.sourceNpi()).setParameter(11, validity).setParameter(12, row.receipts())
                    .setParameter(13, row.tls()).setParameter(14, row.trustStore()).executeUpdate();
        }
        if (row.password() != null) {
            em.createNativeQuery("UPDATE carrier SET password_sealed = ?1 WHERE name = ?2")
                    .setParameter(1, row.password().isEmpty() ? null : cipher.encrypt(row.password()))
                    .setParameter(2, row.name()).executeUpdate();
        }
        if (row.trustStorePassword() != null) {
            em.createNativeQuery("UPDATE carrier SET trust_store_password_sealed = ?1 WHERE name = ?2")
                    .setParameter(1, row.trustStorePassword().isEmpty() ? null : cipher.encrypt(row.trustStorePassword()))
                    .setParameter(2, row.name()).executeUpdate();
        }
    }

    /** True if there was such a carrier. */
    public boolean delete(String name) {
        return em.createNativeQuery("DELETE FROM carrier WHERE name = ?1").setParameter(1, name).executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows() {
        return em.createNativeQuery("""
                SELECT name, host, port, system_id, password_sealed, system_type, binds, bind_window, throughput,
                       source_ton, source_npi, validity_period, receipts, tls, trust_store, trust_store_password_sealed
                FROM carrier ORDER BY name""").getResultList();
    }

    private String open(Object sealed) {
        return sealed == null ? "" : cipher.decrypt((byte[]) sealed);
    }
}
