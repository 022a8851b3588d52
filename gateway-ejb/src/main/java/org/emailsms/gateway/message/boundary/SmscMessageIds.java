package org.emailsms.gateway.message.boundary;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.emailsms.gateway.platform.control.CarrierNames;

/**
 * SMSCs quote their own message ids back in receipts in other forms than the submit_sm_resp gave
 * them: hexadecimal against decimal, with or without leading zeros, in either case. Each id is kept
 * under a canonical key; a receipted id is looked up under every key it may stand for. Two carriers
 * may hand out the same id, so a carrier's keys other than {@value CarrierNames#DEFAULT}'s carry its
 * name ({@code nz/a1f}), and a receipt is looked up only among the keys of the carrier it came from.
 */
public final class SmscMessageIds {

    private static final int MAX_LENGTH = 64;

    private SmscMessageIds() {
    }

    /** The key of an id that {@code carrier}'s SMSC gave. */
    public static String key(String carrier, String smscId) {
        return scoped(carrier, key(smscId));
    }

    /** The keys a receipt from {@code carrier} may stand for. */
    public static Set<String> candidateKeys(String carrier, String receipted) {
        Set<String> keys = new LinkedHashSet<>();
        candidateKeys(receipted).forEach(key -> keys.add(scoped(carrier, key)));
        return keys;
    }

    private static String scoped(String carrier, String key) {
        return carrier == null || CarrierNames.DEFAULT.equals(carrier) ? key : carrier + "/" + key;
    }

    /** No leading zeros, lower case: "000A1F" and "a1f" share the key "a1f". */
    public static String key(String smscId) {
        String id = smscId.strip().toLowerCase(Locale.ROOT);
        return id.replaceFirst("^0+(?=.)", "");
    }

    /** The keys a receipted id may stand for: itself, and its hexadecimal or decimal reading. */
    public static Set<String> candidateKeys(String receipted) {
        Set<String> keys = new LinkedHashSet<>();
        if (receipted == null || receipted.isBlank() || receipted.length() > MAX_LENGTH) {
            return keys;
        }
        String key = key(receipted);
        keys.add(key);
        if (key.matches("[0-9]+")) {
            keys.add(new BigInteger(key).toString(16));
        }
        if (key.matches("[0-9a-f]+")) {
            keys.add(new BigInteger(key, 16).toString());
        }
        return keys;
    }
}
