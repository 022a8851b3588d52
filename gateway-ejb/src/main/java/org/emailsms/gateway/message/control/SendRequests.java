package org.emailsms.gateway.message.control;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.emailsms.gateway.message.boundary.Compression;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.boundary.ErrorCode;

/**
 * The answers given to sends that carried the client's request id, per user: stored in the
 * transaction that stores the messages, so an id is answered once with what was stored, and found
 * again by a client that sends the same request after a timeout.
 */
@Dependent
public class SendRequests {

    @PersistenceContext
    EntityManager em;

    /** The answer a request with this id got, if it was stored. */
    public Optional<List<RecipientResult>> answerTo(long userId, String requestId) {
        return em.createNativeQuery("SELECT answer FROM send_request WHERE user_id = ?1 AND request_id = ?2")
                .setParameter(1, userId).setParameter(2, requestId)
                .getResultStream().findFirst().map(answer -> read(String.valueOf(answer)));
    }

    /** In the caller's transaction: a second request with the same id fails on the key and rolls back. */
    public void remember(long userId, String requestId, List<RecipientResult> answer) {
        em.createNativeQuery("INSERT INTO send_request (user_id, request_id, created_at, answer) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, userId).setParameter(2, requestId)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(4, write(answer))
                .executeUpdate();
    }

    /** Forgets up to {@code max} answers given before {@code before}, in a transaction of its own; how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forget(Instant before, int max) {
        return em.createNativeQuery("""
                        DELETE FROM send_request WHERE (user_id, request_id) IN
                        (SELECT user_id, request_id FROM send_request WHERE created_at < ?1 ORDER BY created_at FETCH FIRST ?2 ROWS ONLY)""")
                .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setParameter(2, max)
                .executeUpdate();
    }

    static String write(List<RecipientResult> answer) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (RecipientResult result : answer) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("recipient", result.recipient());
            if (result.messageId() != null) {
                one.add("messageId", result.messageId());
            }
            if (result.status() != null) {
                one.add("status", result.status().name());
            }
            if (result.error() != null) {
                one.add("error", result.error().name());
            }
            if (result.errorMessage() != null) {
                one.add("errorMessage", result.errorMessage());
            }
            if (result.notice() != null) {
                one.add("notice", result.notice());
            }
            if (result.compression() != null) {
                Compression saved = result.compression();
                one.add("compression", Json.createArrayBuilder().add(saved.charactersBefore()).add(saved.segmentsBefore())
                        .add(saved.charactersAfter()).add(saved.segmentsAfter()));
            }
            results.add(one);
        }
        return results.build().toString();
    }

    static List<RecipientResult> read(String answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(one -> new RecipientResult(one.getString("recipient"),
                            one.containsKey("messageId") ? one.getJsonNumber("messageId").longValue() : null,
                            one.containsKey("status") ? MessageStatus.valueOf(one.getString("status")) : null,
                            one.containsKey("error") ? ErrorCode.valueOf(one.getString("error")) : null,
                            text(one, "errorMessage"), text(one, "notice"), compression(one)))
                    .toList();
        }
    }

    private static Compression compression(JsonObject object) {
        if (!object.containsKey("compression")) {
            return null;
        }
        var saved = object.getJsonArray("compression");
        return new Compression(saved.getInt(0), saved.getInt(1), saved.getInt(2), saved.getInt(3));
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value == null || value == JsonValue.NULL ? null : object.getString(name);
    }
}
