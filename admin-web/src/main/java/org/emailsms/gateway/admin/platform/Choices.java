package org.emailsms.gateway.admin.platform;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;

/**
 * The lists forms choose from instead of free text: the time zones (by region, as the IANA database
 * names them) and the countries (by English name, with their ISO code).
 */
@Named
@ApplicationScoped
public class Choices {

    private List<String> timeZones;
    private List<SelectItem> countries;

    @PostConstruct
    void init() {
        timeZones = ZoneId.getAvailableZoneIds().stream()
                .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                .sorted().toList();
        countries = Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH) + " (" + code + ")"))
                .sorted(Comparator.comparing(SelectItem::getLabel)).toList();
    }

    public List<String> getTimeZones() {
        return timeZones;
    }

    public List<SelectItem> getCountries() {
        return countries;
    }
}
