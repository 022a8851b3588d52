package org.emailsms.gateway.admin.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.CompanySettings;
import org.emailsms.gateway.account.boundary.DestinationRestrictions;
import org.emailsms.gateway.account.boundary.LicenceAcceptance;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.message.boundary.DictionaryService;
import org.omnifaces.util.Messages;

/**
 * One company: its settings (provider administrators), its login criteria, its list of allowed
 * destination numbers, what it asks of its clients (licence, compression) and its compression
 * dictionary (its own administrators too).
 */
@Named
@ViewScoped
public class CompanyView extends CompanyPage {

    private static final long serialVersionUID = 1L;

    private String name;
    private String timeZone;
    private List<String> allowedCountryCodes = new ArrayList<>();
    private Integer dailyQuota;
    private boolean splitLongMessages;
    private int maxSegments;
    private boolean deliveryConfirmation;
    private int passwordMinLength;
    private int passwordClasses;
    private Integer lockoutThreshold;
    private Integer lockoutMinutes;
    private List<String> restrictions = new ArrayList<>();
    private String senderNumbers;
    private boolean outlookEnabled;
    private List<String> outlookSources = new ArrayList<>();
    private String pasted;
    private boolean requireLicence;
    private boolean compressOutlook;
    private String dictionary;
    private List<LicenceAcceptance> licenceAcceptances = List.of();

    @EJB
    transient DictionaryService dictionaries;

    @EJB
    transient DestinationRestrictions allowedNumbers;

    @Override
    protected void loadCompanyData() throws org.emailsms.gateway.platform.boundary.GatewayException {
        Company company = getCompany();
        name = company.getName();
        timeZone = company.getTimeZone().getId();
        allowedCountryCodes = new ArrayList<>(company.getAllowedCountries());
        dailyQuota = company.getDailyQuota();
        splitLongMessages = company.isSplitLongMessages();
        maxSegments = company.getMaxSegments();
        deliveryConfirmation = company.isDeliveryConfirmation();
        passwordMinLength = company.getPasswordMinLength();
        passwordClasses = company.getPasswordClasses();
        lockoutThreshold = company.getLockoutThreshold();
        lockoutMinutes = company.getLockoutMinutes();
        restrictions = allowedNumbers.list(caller.getName(), getCompanyId());
        senderNumbers = String.join("\n", companies.senderNumbers(caller.getName(), getCompanyId()));
        outlookEnabled = company.isOmsEnabled();
        outlookSources = new ArrayList<>(company.getOmsSources());
        requireLicence = company.isRequireLicence();
        compressOutlook = company.isOmsCompress();
        dictionary = dictionaries.companyWords(caller.getName(), getCompanyId()).stream()
                .map(w -> w.word() + " = " + w.replacement()).collect(Collectors.joining("\n"));
        licenceAcceptances = companies.licenceAcceptances(caller.getName(), getCompanyId());
    }

    public void saveClientSettings() {
        Actions.run(() -> companies.changeClientSettings(caller.getName(), getCompanyId(), requireLicence, compressOutlook),
                "Client settings saved.");
        load();
    }

    /** One word a line, written {@code word = replacement}; a line without "=" is refused with its number. */
    public void saveDictionary() {
        Map<String, String> words = new LinkedHashMap<>();
        String[] lines = dictionary == null ? new String[0] : dictionary.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int equals = lines[i].indexOf('=');
            if (equals < 0) {
                Messages.addGlobalError("Line {0} has no \"=\": write each word as word = replacement.", i + 1);
                return;
            }
            if (words.putIfAbsent(lines[i].substring(0, equals).strip(), lines[i].substring(equals + 1).strip()) != null) {
                Messages.addGlobalError("Line {0}: \"{1}\" is in the dictionary twice.", i + 1, lines[i].substring(0, equals).strip());
                return;
            }
        }
        Actions.run(() -> dictionaries.replaceCompanyWords(caller.getName(), getCompanyId(), words),
                words.isEmpty() ? "The dictionary is empty now." : "Dictionary saved: " + words.size() + " word(s).");
        load();
    }

    public boolean isRequireLicence() {
        return requireLicence;
    }

    public void setRequireLicence(boolean requireLicence) {
        this.requireLicence = requireLicence;
    }

    public boolean isCompressOutlook() {
        return compressOutlook;
    }

    public void setCompressOutlook(boolean compressOutlook) {
        this.compressOutlook = compressOutlook;
    }

    public String getDictionary() {
        return dictionary;
    }

    public void setDictionary(String dictionary) {
        this.dictionary = dictionary;
    }

    public List<LicenceAcceptance> getLicenceAcceptances() {
        return licenceAcceptances;
    }

    public void saveOutlookSettings() {
        Actions.run(() -> companies.changeOutlookSettings(caller.getName(), getCompanyId(), outlookEnabled, outlookSources),
                "Outlook text messaging settings saved.");
        load();
    }

    public void saveSenderNumbers() {
        List<String> numbers = Arrays.stream(senderNumbers == null ? new String[0] : senderNumbers.split("[,;\\n\\r]+"))
                .filter(n -> !n.isBlank()).toList();
        Actions.run(() -> companies.changeSenderNumbers(caller.getName(), getCompanyId(), numbers),
                numbers.isEmpty() ? "The company now sends from the shared pool only." : "Sender numbers saved.");
        load();
    }

    public void saveSettings() {
        TreeSet<String> countries = new TreeSet<>(allowedCountryCodes == null ? List.of() : allowedCountryCodes);
        Actions.run(() -> companies.changeSettings(caller.getName(), getCompanyId(), new CompanySettings(name, timeZone,
                countries, dailyQuota, splitLongMessages, maxSegments, deliveryConfirmation)), "Settings saved.");
        load();
    }

    public void saveLoginCriteria() {
        Actions.run(() -> companies.changeLoginCriteria(caller.getName(), getCompanyId(), passwordMinLength,
                passwordClasses, lockoutThreshold, lockoutMinutes), "Login criteria saved.");
        load();
    }

    public void addRestrictions() {
        int[] added = new int[1];
        if (Actions.run(() -> added[0] = allowedNumbers.add(caller.getName(), getCompanyId(), pasted), null)) {
            org.omnifaces.util.Messages.addGlobalInfo(added[0] + " number(s) added: only these may now be texted.");
            pasted = null;
        }
        load();
    }

    public void removeRestriction(String number) {
        Actions.run(() -> allowedNumbers.remove(caller.getName(), getCompanyId(), number),
                number + " removed.");
        load();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<String> getAllowedCountryCodes() {
        return allowedCountryCodes;
    }

    public void setAllowedCountryCodes(List<String> allowedCountryCodes) {
        this.allowedCountryCodes = allowedCountryCodes;
    }

    public Integer getDailyQuota() {
        return dailyQuota;
    }

    public void setDailyQuota(Integer dailyQuota) {
        this.dailyQuota = dailyQuota;
    }

    public boolean isSplitLongMessages() {
        return splitLongMessages;
    }

    public void setSplitLongMessages(boolean splitLongMessages) {
        this.splitLongMessages = splitLongMessages;
    }

    public int getMaxSegments() {
        return maxSegments;
    }

    public void setMaxSegments(int maxSegments) {
        this.maxSegments = maxSegments;
    }

    public boolean isDeliveryConfirmation() {
        return deliveryConfirmation;
    }

    public void setDeliveryConfirmation(boolean deliveryConfirmation) {
        this.deliveryConfirmation = deliveryConfirmation;
    }

    public int getPasswordMinLength() {
        return passwordMinLength;
    }

    public void setPasswordMinLength(int passwordMinLength) {
        this.passwordMinLength = passwordMinLength;
    }

    public int getPasswordClasses() {
        return passwordClasses;
    }

    public void setPasswordClasses(int passwordClasses) {
        this.passwordClasses = passwordClasses;
    }

    public Integer getLockoutThreshold() {
        return lockoutThreshold;
    }

    public void setLockoutThreshold(Integer lockoutThreshold) {
        this.lockoutThreshold = lockoutThreshold;
    }

    public Integer getLockoutMinutes() {
        return lockoutMinutes;
    }

    public void setLockoutMinutes(Integer lockoutMinutes) {
        this.lockoutMinutes = lockoutMinutes;
    }

    public boolean isOutlookEnabled() {
        return outlookEnabled;
    }

    public void setOutlookEnabled(boolean outlookEnabled) {
        this.outlookEnabled = outlookEnabled;
    }

    public List<String> getOutlookSources() {
        return outlookSources;
    }

    public void setOutlookSources(List<String> outlookSources) {
        this.outlookSources = outlookSources;
    }

    public String getSenderNumbers() {
        return senderNumbers;
    }

    public void setSenderNumbers(String senderNumbers) {
        this.senderNumbers = senderNumbers;
    }

    public List<String> getRestrictions() {
        return restrictions;
    }

    public String getPasted() {
        return pasted;
    }

    public void setPasted(String pasted) {
        this.pasted = pasted;
    }
}
