package org.emailsms.gateway.account.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OWASP's device cookies for the portal: a browser in which an administrator signed in holds a
 * signed token naming that administrator. A sign-in that presents it for the same username is not
 * subject to the account's lockout, which others' failures may have set; its own failures count
 * against the token alone (see {@link Authenticator}). So a well-known username such as
 * {@code admin} cannot be kept locked out of its own browser by guessing elsewhere.
 *
 * <p>Token: {@code base64url(username).nonce.issuedEpochSeconds.signature}, the signature an
 * HMAC-SHA-256 under a key derived from the serial number key, valid for
 * {@code gateway.portal.device-cookie-lifetime} (180 days).
 */
@ApplicationScoped
public class DeviceCookies {

    /** A {@code __Host-} cookie: HTTPS only, for the whole host, and no other site may set it. */
    public static final String NAME = "__Host-gateway-device";
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Inject
    SerialNumbers serials;

    @Inject
    @ConfigProperty(name = "gateway.portal.device-cookie-lifetime", defaultValue = "P180D")
    Duration lifetime;

    private SecretKeySpec key;

    @PostConstruct
    void deriveKey() {
        key = new SecretKeySpec(serials.derivedKey("portal device cookie"), MAC);
    }

    /** Outside the container: tests. */
    public static DeviceCookies of(SerialNumbers serials, Duration lifetime) {
        DeviceCookies cookies = new DeviceCookies();
        cookies.serials = serials;
        cookies.lifetime = lifetime;
        cookies.deriveKey();
        return cookies;
    }

    public String issue(String username, Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = ENCODER.encodeToString(Authenticator.normalise(username).getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(nonce) + "." + now.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The token's nonce, when it is genuine, unexpired and names this user; otherwise empty. */
    public Optional<String> nonceFor(String token, String username, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String named = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            boolean live = issued.plus(lifetime).isAfter(now) && !issued.isAfter(now.plusSeconds(60));
            return named.equals(Authenticator.normalise(username)) && live ? Optional.of(parts[1]) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
