package org.emailsms.gateway.account.boundary;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserCsv;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.UserImport;
import org.emailsms.gateway.account.entity.UserImportRow.State;
import org.emailsms.gateway.account.entity.UserImportRow;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.SpreadsheetSafe;

/**
 * Bulk uploads of users from a CSV file, run by the container rather than by the page: the whole
 * file is stored first (a file that cannot be read changes nothing), then its rows are created one
 * by one, each in a transaction of its own with its outcome, so every valid row creates its user
 * and every invalid one is kept with the reason. The page shows the company's latest upload and can
 * be left and come back to; the refused rows download as a CSV with a reason column that uploads
 * again as it is once corrected. A node that goes away mid-upload leaves its lease to run out, and
 * {@link UserImportSweep} hands the rest to another.
 */
@Stateless
public class UserImports {

    private static final Logger LOG = Logger.getLogger(UserImports.class.getName());
    /** How long a node may go without a sign of life before another takes over an upload. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The page shows an upload this long after it started. */
    static final Duration SHOWN = Duration.ofDays(1);
    private static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    Users users;

    @Inject
    AccountNames names;

    @Inject
    AdminAudit audit;

    @Resource
    SessionContext context;

    /** Stores the rows and starts creating them in the background; returns the upload's id. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(String actorName, Long companyId, String fileName, List<UserCsv.Row> rows)
            throws NotAuthorizedException, UnknownAccountException {
        long id = self().store(actorName, companyId, fileName, rows);
        self().run(id);
        return id;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long store(String actorName, Long companyId, String fileName, List<UserCsv.Row> rows)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        UserImport upload = new UserImport(company, actorName, fileName, rows.size(), now());
        em.persist(upload);
        for (UserCsv.Row row : rows) {
            em.persist(new UserImportRow(upload, row.line(), row.username(), row.email(), row.department(), row.role(),
                    row.mobile()));
        }
        audit.record(tenancy.administrator(actorName), company, AdminActionKind.UPLOADED,
                fileName == null ? "bulk upload" : "bulk upload '" + fileName + "'", rows.size() + " rows");
        LOG.info(() -> String.format("%s uploaded %d users for '%s'", actorName, rows.size(), company.getName()));
        return upload.getId();
    }

    /** Creates the upload's pending rows while this node holds its lease; does nothing where another holds it. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long id) {
        String token = UUID.randomUUID().toString();
        UserImports self = self();
        if (!self.claim(id, token)) {
            return;
        }
        for (List<Long> pending = self.pending(id); !pending.isEmpty(); pending = self.pending(id)) {
            for (Long row : pending) {
                String refusal = self.createRow(row);
                if (refusal != null) {
                    self.refuseRow(row, refusal);
                }
            }
            if (!self.claim(id, token)) {
                LOG.warning(() -> "Upload " + id + " was taken over by another node; this one stops");
                return;
            }
        }
        self.finish(id, token);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long id, String token) {
        OffsetDateTime now = now();
        return em.createNamedQuery("UserImport.claim").setParameter("token", token).setParameter("until", now.plus(LEASE))
                .setParameter("id", id).setParameter("now", now).executeUpdate() == 1;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> pending(long id) {
        return em.createNamedQuery("UserImportRow.pending", Long.class).setParameter("id", id)
                .setParameter("pending", State.PENDING).setMaxResults(BATCH).getResultList();
    }

    /**
     * Creates one row's user and marks the row created, together; null when done (or already done
     * elsewhere), else why the row was refused, and then nothing of it stays.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String createRow(long rowId) {
        if (settle(rowId, State.CREATED, null) == 0) {
            return null;
        }
        UserImportRow row = em.find(UserImportRow.class, rowId);
        UserImport upload = row.getUserImport();
        try {
            String roleName = row.getRole().isBlank() ? "SENDER" : row.getRole().toUpperCase(Locale.ROOT);
            Role role = Role.SENDER.name().equals(roleName) ? Role.SENDER
                    : Role.COMPANY_ADMIN.name().equals(roleName) ? Role.COMPANY_ADMIN : null;
            if (role == null) {
                context.setRollbackOnly();
                return "The role is SENDER or COMPANY_ADMIN, not '" + row.getRole() + "'.";
            }
            Long companyId = upload.getCompany().getId();
            users.create(upload.getActor(), companyId, names.departmentId(upload.getActor(), companyId, row.getDepartment()),
                    new NewUser(row.getUsername(), row.getEmail(), row.getMobile(), role, null));
            return null;
        } catch (GatewayException e) {
            context.setRollbackOnly();
            return e.getMessage();
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            LOG.warning(() -> "Row " + row.getLine() + " of upload " + upload.getId() + " failed: " + e);
            return "Not created: " + e.getClass().getSimpleName();
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refuseRow(long rowId, String reason) {
        settle(rowId, State.REFUSED, UserImportRow.fit(reason));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long id, String token) {
        em.createNamedQuery("UserImport.finish").setParameter("now", now()).setParameter("id", id)
                .setParameter("token", token).executeUpdate();
    }

    /** Uploads no node holds: their node went away (or the gateway stopped) before they ended. */
    public List<Long> stalled() {
        return em.createNamedQuery("UserImport.stalled", Long.class).setParameter("now", now()).getResultList();
    }

    /** Forgets uploads that ended before {@code before}, with their rows; returns how many. */
    public int forget(OffsetDateTime before, int max) {
        List<Long> ids = em.createNamedQuery("UserImport.finishedBefore", Long.class).setParameter("before", before)
                .setMaxResults(max).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createNamedQuery("UserImportRow.deleteOf").setParameter("ids", ids).executeUpdate();
        return em.createNamedQuery("UserImport.delete").setParameter("ids", ids).executeUpdate();
    }

    /** The company's upload of the last day, if any: the page shows it whoever uploaded it. */
    public Optional<UserImportProgress> latest(String actorName, Long companyId)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), companyId);
        return em.createNamedQuery("UserImport.latestOfCompany", UserImport.class).setParameter("company", company)
                .setParameter("since", now().minus(SHOWN)).setMaxResults(1).getResultStream().findFirst()
                .map(this::progress);
    }

    public List<UserImportRow> refused(String actorName, long id) throws NotAuthorizedException, UnknownAccountException {
        return em.createNamedQuery("UserImportRow.refused", UserImportRow.class).setParameter("import", upload(actorName, id))
                .setParameter("refused", State.REFUSED).getResultList();
    }

    /** The refused rows as the upload's own columns plus line and reason: corrected, the file uploads again as it is. */
    public void exportRefused(String actorName, long id, Writer out)
            throws NotAuthorizedException, UnknownAccountException, IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("username", "email", "department", "role", "mobile", "line", "reason").get());
        for (UserImportRow row : refused(actorName, id)) {
            csv.printRecord(SpreadsheetSafe.record(row.getUsername(), row.getEmail(), row.getDepartment(), row.getRole(),
                    row.getMobile(), row.getLine(), row.getReason()));
        }
        csv.flush();
    }

    private UserImport upload(String actorName, long id) throws NotAuthorizedException, UnknownAccountException {
        UserImport upload = em.find(UserImport.class, id);
        if (upload == null || !tenancy.administrator(actorName).administers(upload.getCompany())) {
            throw new UnknownAccountException("No such upload.");
        }
        return upload;
    }

    private UserImportProgress progress(UserImport upload) {
        return new UserImportProgress(upload.getId(), upload.getFileName(), upload.getActor(), upload.getStartedAt(),
                upload.getFinishedAt(), upload.getTotal(), count(upload, State.CREATED), count(upload, State.REFUSED));
    }

    private long count(UserImport upload, State state) {
        return em.createNamedQuery("UserImportRow.count", Long.class).setParameter("import", upload)
                .setParameter("state", state).getSingleResult();
    }

    private int settle(long rowId, State state, String reason) {
        return em.createNamedQuery("UserImportRow.settle").setParameter("state", state).setParameter("reason", reason)
                .setParameter("id", rowId).setParameter("pending", State.PENDING).executeUpdate();
    }

    private UserImports self() {
        return context.getBusinessObject(UserImports.class);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
