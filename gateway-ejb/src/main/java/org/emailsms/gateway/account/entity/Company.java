package org.emailsms.gateway.account.entity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** A tenant: the company whose staff send SMS, with its own settings, quota and restrictions. */
@Entity
// Not in EclipseLink's shared cache: under load a read of a cached company once waited for ever on a
// cache-key lock that no thread held (WriteLockManager.acquireLocksForClone), and every node reads
// the database's current row anyway.
@Table(name = "company")
@NamedQuery(name = "Company.findNameLike",
        query = "SELECT c FROM Company c WHERE LOWER(c.name) LIKE :text ESCAPE '!' ORDER BY c.name, c.id")
@NamedQuery(name = "Company.countNameLike", query = "SELECT COUNT(c) FROM Company c WHERE LOWER(c.name) LIKE :text ESCAPE '!'")
@NamedQuery(name = "Company.findByName", query = "SELECT c FROM Company c WHERE LOWER(c.name) = LOWER(:name)")
public class Company extends GatewayEntity {

    /** The automatic sources of Outlook and SharePoint a company can accept or refuse. */
    public static final List<String> ALL_AUTOMATIC_SOURCES = List.of("REMINDER", "CAL_SUMMARY", "RULE_BASED", "WSS_ALERT");

    /** Default segment limit for a split message: 10 segments is about 1,500 GSM characters. */
    public static final int DEFAULT_MAX_SEGMENTS = 10;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "home_country", nullable = false, length = 2)
    private String homeCountry;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "company_allowed_country", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "country", length = 2)
    private Set<String> allowedCountries = new TreeSet<>();

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountStatus status = AccountStatus.ACTIVE;

    /** SMS segments per day for the whole company; null means unlimited. */
    @Column(name = "daily_quota")
    private Integer dailyQuota;

    @Column(name = "split_long_messages", nullable = false)
    private boolean splitLongMessages = true;

    @Column(name = "max_segments", nullable = false)
    private int maxSegments = DEFAULT_MAX_SEGMENTS;

    @Column(name = "delivery_confirmation", nullable = false)
    private boolean deliveryConfirmation;

    /** Login criteria: applied to passwords that administrators set or the gateway generates. */
    @Column(name = "password_min_length", nullable = false)
    private int passwordMinLength = 10;

    /** Of lower case, upper case, digits and other characters, how many a password must use. */
    @Column(name = "password_classes", nullable = false)
    private int passwordClasses = 3;

    /** Failed sign-ins tolerated before a block, and the block's length; null: the gateway's defaults. */
    @Column(name = "lockout_threshold")
    private Integer lockoutThreshold;

    @Column(name = "lockout_minutes")
    private Integer lockoutMinutes;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Whether its users may send through Outlook's own text messaging (OMS). */
    @Column(name = "oms_enabled", nullable = false)
    private boolean omsEnabled = true;

    /** The automatic OMS sources it accepts (reminders and the like), by name, comma-separated. */
    @Column(name = "require_licence", nullable = false)
    private boolean requireLicence;

    @Column(name = "oms_compress", nullable = false)
    private boolean omsCompress;

    @Column(name = "oms_sources", nullable = false, length = 120)
    private String omsSources = String.join(",", ALL_AUTOMATIC_SOURCES);

    @Version
    private long version;

    protected Company() {
    }

    /** A new active company; its home country is always an allowed destination. */
    public Company(String name, String homeCountry, ZoneId timeZone) {
        this.name = name;
        this.homeCountry = homeCountry.toUpperCase(Locale.ROOT);
        this.timeZone = timeZone.getId();
        this.allowedCountries.add(this.homeCountry);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void allowDestinationCountries(Collection<String> countries) {
        allowedCountries.clear();
        allowedCountries.add(homeCountry);
        countries.forEach(c -> allowedCountries.add(c.toUpperCase(Locale.ROOT)));
    }

    /** The same company, whether or not both objects come from the same persistence context. */
    public boolean sameAs(Company other) {
        return this == other || other != null && getId() != null && getId().equals(other.getId());
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public void changeStatus(AccountStatus status) {
        this.status = status;
    }

    public void limitDailyQuota(Integer segmentsPerDay) {
        this.dailyQuota = segmentsPerDay;
    }

    public void changeMessageSettings(boolean splitLongMessages, int maxSegments, boolean deliveryConfirmation) {
        this.splitLongMessages = splitLongMessages;
        this.maxSegments = maxSegments;
        this.deliveryConfirmation = deliveryConfirmation;
    }

    public void changeName(String name) {
        this.name = name;
    }

    public void changeTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public void changeLoginCriteria(int passwordMinLength, int passwordClasses, Integer lockoutThreshold,
                                    Integer lockoutMinutes) {
        this.passwordMinLength = passwordMinLength;
        this.passwordClasses = passwordClasses;
        this.lockoutThreshold = lockoutThreshold;
        this.lockoutMinutes = lockoutMinutes;
    }

    public int getPasswordMinLength() {
        return passwordMinLength;
    }

    public int getPasswordClasses() {
        return passwordClasses;
    }

    public Integer getLockoutThreshold() {
        return lockoutThreshold;
    }

    public Integer getLockoutMinutes() {
        return lockoutMinutes;
    }

    public String getName() {
        return name;
    }

    public String getHomeCountry() {
        return homeCountry;
    }

    public Set<String> getAllowedCountries() {
        return Set.copyOf(allowedCountries);
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Integer getDailyQuota() {
        return dailyQuota;
    }

    /**
     * Outlook's text messaging on or off, and which of its automatic sources (names of
     * {@link #ALL_AUTOMATIC_SOURCES}) are accepted; manual sends are always accepted while it is on.
     */
    public void changeOutlookSettings(boolean enabled, Set<String> acceptedSources) {
        if (!ALL_AUTOMATIC_SOURCES.containsAll(acceptedSources)) {
            throw new IllegalArgumentException("unknown automatic sources in " + acceptedSources);
        }
        this.omsEnabled = enabled;
        this.omsSources = ALL_AUTOMATIC_SOURCES.stream().filter(acceptedSources::contains).collect(Collectors.joining(","));
    }

    /**
     * The canonical names of automatic sources as people and programs write them: {@code REMINDER},
     * {@code reminder}, {@code CAL_SUMMARY} or Outlook's {@code calSummary}. Empty for an unknown one.
     */
    public static Optional<String> automaticSource(String name) {
        String wanted = name == null ? "" : name.replace("_", "").strip().toLowerCase(Locale.ROOT);
        return ALL_AUTOMATIC_SOURCES.stream().filter(s -> s.replace("_", "").toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /**
     * Client settings: whether activating needs the licence's current version accepted (clients
     * that predate the licence do not send one, so this is off until the company's add-ins are
     * updated), and whether Outlook's texts go compressed with the dictionary.
     */
    public void changeClientSettings(boolean requireLicence, boolean omsCompress) {
        this.requireLicence = requireLicence;
        this.omsCompress = omsCompress;
    }

    public boolean isRequireLicence() {
        return requireLicence;
    }

    public boolean isOmsCompress() {
        return omsCompress;
    }

    public boolean isOmsEnabled() {
        return omsEnabled;
    }

    public Set<String> getOmsSources() {
        return omsSources.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(omsSources.split(",")));
    }

    public boolean isSplitLongMessages() {
        return splitLongMessages;
    }

    public int getMaxSegments() {
        return maxSegments;
    }

    public boolean isDeliveryConfirmation() {
        return deliveryConfirmation;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
