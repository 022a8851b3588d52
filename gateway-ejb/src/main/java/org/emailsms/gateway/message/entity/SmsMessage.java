package org.emailsms.gateway.message.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * One SMS to one recipient, as a sender submitted it. The content is stored encrypted; the parts
 * are the SMPP submits it takes.
 */
@Entity
@Table(name = "sms_message")
@NamedQuery(name = "SmsMessage.countSince",
        query = "SELECT COUNT(m) FROM SmsMessage m WHERE m.companyId = :company AND m.createdAt >= :since")
@NamedQuery(name = "SmsMessage.segmentsSince",
        query = "SELECT SUM(m.segments) FROM SmsMessage m WHERE m.companyId = :company AND m.createdAt >= :since")
@NamedQuery(name = "SmsMessage.findOwnByIds",
        query = "SELECT m FROM SmsMessage m WHERE m.user = :user AND m.id IN :ids")
@NamedQuery(name = "SmsMessage.findLastOfConversation", query = """
        SELECT m FROM SmsMessage m WHERE m.user = :user AND m.destination = :destination
        AND m.senderNumber = :sender ORDER BY m.createdAt DESC, m.id DESC""")
@NamedQuery(name = "SmsMessage.changedSince", query = """
        SELECT m FROM SmsMessage m WHERE m.user = :user AND m.changedAt <= :settled
        AND (m.changedAt > :at OR m.changedAt = :at AND m.id > :id) ORDER BY m.changedAt, m.id""")
@NamedQuery(name = "SmsMessage.countFromSender",
        query = "SELECT COUNT(m) FROM SmsMessage m WHERE m.senderNumber = :sender AND m.createdAt >= :since")
public class SmsMessage extends GatewayEntity {

    private static final int MAX_ERROR = 255;

    // Lazy: delivery and receipts rarely need the sender, and each eager read cost ~5 queries (docs/performance.md).
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "company_id", nullable = false)
    private Long companyId;

    @Column(name = "department_id")
    private Long departmentId;

    @Column(nullable = false, length = 20)
    private String destination;

    /** The recipient's name as the sender wrote it ("Jane Doe <+61412345678>"), for reply emails. */
    @Column(name = "contact_name", length = 100)
    private String contactName;

    @Column(name = "sender_number", nullable = false, length = 20)
    private String senderNumber;

    @Column(nullable = false)
    private byte[] content;

    @Column(name = "data_coding", nullable = false)
    private int dataCoding;

    @Column(nullable = false)
    private int segments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MessageStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "delivery_confirmation", nullable = false)
    private boolean deliveryConfirmation;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "scheduled_at")
    private OffsetDateTime scheduledAt;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    /** When the status last changed: clients keeping a log ask for what changed since. */
    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MessageSource source = MessageSource.ADD_IN;

    @Column(name = "separate_parts", nullable = false)
    private boolean separateParts;

    /** 0: interactive (a message to a few recipients), claimed for delivery ahead of bulk (1). */
    @Column(nullable = false)
    private int priority = 1;

    /**
     * The carriers to try, in order, comma-separated, as the routes chose them at acceptance; null
     * for the default carrier alone.
     */
    @Column(length = 200)
    private String route;

    /** The node (in one lease) delivering this PENDING message; null when none holds it. */
    @Column(name = "claimed_by", length = 80)
    private String claimedBy;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("partNumber")
    private List<MessagePart> parts = new ArrayList<>();

    @Version
    private long version;

    protected SmsMessage() {
    }

    /**
     * A message accepted from a sender: {@code PENDING}, or {@code SCHEDULED} when it is to go
     * later than now.
     */
    public SmsMessage(User user, String destination, String senderNumber, byte[] encryptedContent, int dataCoding,
                      int segments, boolean deliveryConfirmation, Instant sendAt) {
        this(user, destination, senderNumber, encryptedContent, dataCoding, segments, deliveryConfirmation, sendAt,
                MessageSource.ADD_IN, false);
    }

    /**
     * {@code separateParts}: each part is an SMS of its own (the parts of an Outlook message, in
     * order), and the stored text holds them separated by {@link #PART_SEPARATOR}.
     */
    public SmsMessage(User user, String destination, String senderNumber, byte[] encryptedContent, int dataCoding,
                      int segments, boolean deliveryConfirmation, Instant sendAt, MessageSource source,
                      boolean separateParts) {
        this(user, user.getCompany().getId(), user.getDepartment() == null ? null : user.getDepartment().getId(),
                destination, senderNumber, encryptedContent, dataCoding, segments, deliveryConfirmation, sendAt,
                source, separateParts);
    }

    /**
     * The same, with the sender's company and department given: {@code user} may then be a
     * reference by id, which asking it for them would load.
     */
    public SmsMessage(User user, long companyId, Long departmentId, String destination, String senderNumber,
                      byte[] encryptedContent, int dataCoding, int segments, boolean deliveryConfirmation,
                      Instant sendAt, MessageSource source, boolean separateParts) {
        this.source = source;
        this.separateParts = separateParts;
        this.user = user;
        this.companyId = companyId;
        this.departmentId = departmentId;
        this.destination = destination;
        this.senderNumber = senderNumber;
        this.content = encryptedContent;
        this.dataCoding = dataCoding;
        this.segments = segments;
        this.deliveryConfirmation = deliveryConfirmation;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        boolean later = sendAt != null && sendAt.isAfter(createdAt.toInstant());
        this.scheduledAt = later ? sendAt.atOffset(ZoneOffset.UTC) : null;
        this.status = later ? MessageStatus.SCHEDULED : MessageStatus.PENDING;
        this.changedAt = createdAt;
        for (int i = 1; i <= segments; i++) {
            parts.add(new MessagePart(this, i));
        }
    }

    /** Between the parts of a message sent as separate SMS: NUL, which no XML text can hold. */
    public static final char PART_SEPARATOR = '\u0000';

    /** The stored text as a person reads it: separate parts one per line. */
    public static String readable(String storedText) {
        return storedText.replace(PART_SEPARATOR, '\n');
    }

    public MessageSource getSource() {
        return source;
    }

    public boolean isSeparateParts() {
        return separateParts;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactName() {
        return contactName;
    }

    /** Delivered ahead of bulk: one of a few recipients of a request. */
    public void interactive() {
        priority = 0;
    }

    public int getPriority() {
        return priority;
    }

    /** Goes through these carriers, the first that takes it; empty for the default carrier alone. */
    public void routeThrough(List<String> carriers) {
        route = carriers.isEmpty() ? null : String.join(",", carriers);
    }

    public List<String> getRoute() {
        return routeOf(route);
    }

    /** The carriers of a stored {@code route} column, in order; empty for null or empty (the default carrier). */
    public static List<String> routeOf(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
    }

    /** Held from its insert by the node that accepted it, which delivers it from memory. */
    public void heldBy(String claimant) {
        claimedBy = claimant;
    }

    public User getUser() {
        return user;
    }

    public String getDestination() {
        return destination;
    }

    public String getSenderNumber() {
        return senderNumber;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public int getDataCoding() {
        return dataCoding;
    }

    public int getSegments() {
        return segments;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public boolean isDeliveryConfirmation() {
        return deliveryConfirmation;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getScheduledAt() {
        return scheduledAt;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public List<MessagePart> getParts() {
        return List.copyOf(parts);
    }
}
