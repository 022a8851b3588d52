package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Readiness;
import org.emailsms.gateway.it.support.Tenants;
import org.junit.jupiter.api.Test;

/**
 * 1,000 hostile or malformed SOAP requests (-Dbench.requests): external entities, entity expansion,
 * huge bodies, wrong types, missing fields, invalid numbers, unknown serials, broken XML. Each must
 * be answered with a SOAP fault (or, for an invalid number, the recipient's own error code), the
 * company's usage must stay at zero, and the gateway must be ready and sending afterwards.
 */
class HostileRequestDrill {

    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:g=\"urn:emailsms:gateway:v1\"><s:Body>%s</s:Body></s:Envelope>";

    @Test
    void everyHostileRequestIsRefusedAndNothingIsStored() throws Exception {
        int requests = setting("requests", 1_000);
        try (Rig rig = Rig.start("hostile-request-drill", Map.of())) {
            String company = new Tenants(rig.client).newCompany();
            CreatedUser sender = new Tenants(rig.client).newSender(company);
            String serial = rig.client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            List<Map.Entry<String, IntFunction<String>>> kinds = kinds(serial);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI endpoint = rig.client.http("/ws/message");
            Map<String, int[]> outcomes = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Map.Entry<String, IntFunction<String>> kind = kinds.get(i % kinds.size());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "text/xml; charset=utf-8").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(kind.getValue().apply(i))).build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean fault = response.body().contains("Fault>") && response.statusCode() == 500;
                boolean recipientError = response.statusCode() == 200 && response.body().contains("INVALID_DESTINATION");
                outcomes.computeIfAbsent(kind.getKey(), k -> new int[2])[fault || recipientError ? 0 : 1]++;
                if (!fault && !recipientError && unexpected.size() < 5) {
                    unexpected.add(kind.getKey() + " -> HTTP " + response.statusCode() + ": "
                            + response.body().substring(0, Math.min(300, response.body().length())));
                }
                if (response.body().contains("root:x:0:0")) {
                    unexpected.add(kind.getKey() + " leaked /etc/passwd");
                }
            }
            outcomes.forEach((kind, counts) -> rig.line("%-22s refused %4d, otherwise %d", kind, counts[0], counts[1]));
            unexpected.forEach(text -> rig.line("unexpected: %s", text));
            long stored = rig.client.provisioning().getUsageToday(rig.client.administrator(), company).getMessages();
            rig.line("messages stored for the company: %d; ready afterwards: %s", stored, Readiness.isReady(rig.client));
            assertTrue(unexpected.isEmpty(), String.join("\n", unexpected));
            assertEquals(0, stored);
            assertTrue(Readiness.isReady(rig.client));
            assertTrue(rig.client.messaging().sendMessage(serial, List.of("+61412999000"), "Still fine", null)
                    .get(0).getMessageId() != null, "a normal send works afterwards");
        }
    }

    private static List<Map.Entry<String, IntFunction<String>>> kinds(String serial) {
        String send = "<g:sendMessage><serial>%s</serial><recipient>%s</recipient><text>%s</text></g:sendMessage>";
        String huge = "x".repeat(8 * 1024 * 1024);
        return List.of(
                Map.entry("external entity", i -> "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + String.format(ENVELOPE, String.format(send, serial, "+61412345678", "&x;"))),
                Map.entry("entity expansion", i -> "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a \"aaaaaaaaaa\">"
                        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                        + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
                        + String.format(ENVELOPE, String.format(send, serial, "+61412345678", "&g;"))),
                Map.entry("huge body", i -> i % 50 == 2 ? String.format(ENVELOPE, String.format(send, serial, "+61412345678", huge))
                        : String.format(ENVELOPE, String.format(send, serial, "+61412345678", "y".repeat(20_000)))),
                Map.entry("wrong type", i -> String.format(ENVELOPE,
                        "<g:getStatus><serial>" + serial + "</serial><messageId>not-a-number</messageId></g:getStatus>")),
                Map.entry("missing fields", i -> String.format(ENVELOPE, "<g:sendMessage><text>no one to</text></g:sendMessage>")),
                Map.entry("invalid number", i -> String.format(ENVELOPE, String.format(send, serial, "12" + i, "hello"))),
                Map.entry("unknown serial", i -> String.format(ENVELOPE, String.format(send, "9" + (1_000_000_000_000_000L + i),
                        "+61412345678", "hello"))),
                Map.entry("broken XML", i -> String.format(ENVELOPE, "<g:sendMessage><serial>" + serial)),
                Map.entry("wrong schedule", i -> String.format(ENVELOPE, "<g:sendMessage><serial>" + serial
                        + "</serial><recipient>+61412345678</recipient><text>later</text><options><g:sendAt>yesterday</g:sendAt>"
                        + "</options></g:sendMessage>")),
                Map.entry("misspelt element", i -> String.format(ENVELOPE, "<g:sendMessage><serial>" + serial
                        + "</serial><recipient>+61412345678</recipient><text>later</text><options><sendAt>2030-01-01T00:00:00Z"
                        + "</sendAt></options></g:sendMessage>")));
    }
}
