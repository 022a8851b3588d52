package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static final Sender ACME = sender("Acme Pty Ltd", "Sales");
    private static final Sender GLOBEX = sender("Globex", "Support");

    private static final Routes.Rule ACME_TO_NZ_CARRIER = rule("acme", List.of(), Set.of(), Set.of("acme pty ltd"),
            Set.of(), Set.of(), List.of("nz", "au"));
    private static final Routes.Rule AUSTRALIA = rule("au", List.of("+61"), Set.of(), Set.of(), Set.of(), Set.of(),
            List.of("au", "default"));
    private static final Routes.Rule NEW_ZEALAND = rule("nz", List.of(), Set.of("NZ"), Set.of(), Set.of(), Set.of(),
            List.of("nz"));

    private final Routes routes = new Routes(List.of(ACME_TO_NZ_CARRIER, AUSTRALIA, NEW_ZEALAND),
            List.of(CarrierNames.DEFAULT, "au", "nz"));

    @Test
    void theFirstRuleThatMatchesDecidesByCompanyPrefixOrCountry() {
        assertEquals(Optional.of(List.of("nz", "au")), carriers(ACME, "+61412345678"));
        assertEquals(Optional.of(List.of("au", "default")), carriers(GLOBEX, "+61412345678"));
        assertEquals(Optional.of(List.of("nz")), carriers(GLOBEX, "+6421234567"));
    }

    @Test
    void aMessageNoRuleMatchesGoesThroughTheDefaultCarrier() {
        assertEquals(Optional.of(List.of()), carriers(GLOBEX, "+447700900123"));
    }

    @Test
    void withoutADefaultCarrierAMessageNoRuleMatchesIsRefused() {
        Routes noDefault = new Routes(List.of(NEW_ZEALAND), List.of("nz"));

        assertEquals(Optional.empty(), noDefault.carriersFor(GLOBEX, "+61412345678", true, MessageSource.ADD_IN));
        assertEquals(Optional.of(List.of("nz")), noDefault.carriersFor(GLOBEX, "+6421234567", true, MessageSource.ADD_IN));
    }

    @Test
    void aRuleThatNamesNoCarrierRefusesWhatItMatches() {
        Routes blocked = new Routes(List.of(rule("no-uk", List.of("+44"), Set.of(), Set.of(), Set.of(), Set.of(),
                List.of())), List.of(CarrierNames.DEFAULT));

        assertEquals(Optional.empty(), blocked.carriersFor(GLOBEX, "+447700900123", true, MessageSource.ADD_IN));
        assertEquals(Optional.of(List.of()), blocked.carriersFor(GLOBEX, "+61412345678", true, MessageSource.ADD_IN));
    }

    @Test
    void kindsAreInteractiveOrBulkAndWhereTheMessageCameFrom() {
        Routes byKind = new Routes(List.of(
                rule("reminders", List.of(), Set.of(), Set.of(), Set.of(), Set.of("reminder"), List.of("nz")),
                rule("bulk", List.of(), Set.of(), Set.of(), Set.of("sales"), Set.of("bulk"), List.of("au"))),
                List.of(CarrierNames.DEFAULT, "au", "nz"));

        assertEquals(Optional.of(List.of("nz")), byKind.carriersFor(GLOBEX, "+61412345678", true, MessageSource.REMINDER));
        assertEquals(Optional.of(List.of("au")), byKind.carriersFor(ACME, "+61412345678", false, MessageSource.ADD_IN));
        assertEquals(Optional.of(List.of()), byKind.carriersFor(ACME, "+61412345678", true, MessageSource.ADD_IN));
        assertEquals(Optional.of(List.of()), byKind.carriersFor(GLOBEX, "+61412345678", false, MessageSource.ADD_IN));
    }

    @Test
    void aRuleNamingACarrierThatIsNotConfiguredIsRefusedAtStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Routes(List.of(AUSTRALIA), List.of("au")));
        assertTrue(refused.getMessage().contains("route 'au' names carrier 'default', which is not configured"),
                refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Routes(List.of(rule("x", List.of(), Set.of(), Set.of(),
                Set.of(), Set.of("urgent"), List.of("au"))), List.of("au")));
    }

    @Test
    void anEditIsCheckedWholeAndEachProblemNamed() {
        List<String> problems = Routes.problems(List.of(
                rule("au", List.of("+61", "61x"), Set.of("Australia"), Set.of(), Set.of(), Set.of(), List.of("au")),
                rule("au", List.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of("telstra")),
                rule("later", List.of("+614"), Set.of(), Set.of(), Set.of(), Set.of(), List.of("au"))),
                List.of(CarrierNames.DEFAULT, "au"));

        assertEquals(List.of(
                "route 'au': '61x' is not a number prefix in E.164 (such as +61 or +6421)",
                "route 'au': 'Australia' is not a two-letter country code (such as AU)",
                "route 'au': the name is given twice",
                "route 'au' names carrier 'telstra', which is not configured (carriers: default, au)",
                "route 'later' never applies: route 'au', before it, matches every message it would"), problems);
    }

    @Test
    void aRuleHiddenByAnEarlierOneIsFound() {
        Routes.Rule anyAustralian = rule("any", List.of("+61"), Set.of(), Set.of(), Set.of(), Set.of(), List.of("au"));
        Routes.Rule mobiles = rule("mobiles", List.of("+614"), Set.of(), Set.of(), Set.of(), Set.of(), List.of("nz"));

        assertTrue(mobiles.hiddenBy(anyAustralian));
        assertTrue(!anyAustralian.hiddenBy(mobiles));
        assertTrue(!AUSTRALIA.hiddenBy(ACME_TO_NZ_CARRIER), "a rule for one company hides nothing for the others");
        assertTrue(AUSTRALIA.hiddenBy(rule("all", List.of(), Set.of(), Set.of(), Set.of(), Set.of(), List.of("nz"))));
    }

    @Test
    void carrierNamesAreCheckedAndTheDefaultCarrierIsTheSmscKeys() {
        assertEquals(List.of(CarrierNames.DEFAULT), CarrierNames.of("", false));
        assertEquals(List.of("au", "nz"), CarrierNames.of("au, nz", false));
        assertEquals(List.of(CarrierNames.DEFAULT, "au"), CarrierNames.of("au", true));
        assertThrows(IllegalArgumentException.class, () -> CarrierNames.of("default", false));
        assertThrows(IllegalArgumentException.class, () -> CarrierNames.of("Big Telco", false));
        assertThrows(IllegalArgumentException.class, () -> CarrierNames.of("au,au", false));
    }

    private Optional<List<String>> carriers(Sender sender, String e164) {
        return routes.carriersFor(sender, e164, true, MessageSource.ADD_IN);
    }

    private static Routes.Rule rule(String name, List<String> prefixes, Set<String> countries, Set<String> companies,
                                    Set<String> departments, Set<String> kinds, List<String> carriers) {
        return new Routes.Rule(name, prefixes, countries, companies, departments, kinds, carriers);
    }

    private static Sender sender(String company, String department) {
        return new Sender(1, "jane", 7L, "AU", ZoneId.of("Australia/Sydney"), Set.of("AU", "NZ", "GB"), null, true, 6,
                false, 8L, null, false, company, department);
    }
}
