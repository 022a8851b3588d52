package org.emailsms.gateway.ws.oms;

import java.util.List;

/**
 * One {@code error} element of an OMS answer; despite its name it also reports success ({@code ok},
 * severity neutral). {@code content} describes it, {@code recipients} are those it concerns.
 */
record OmsError(String code, String severity, String content, List<String> recipients) {

    static final String NEUTRAL = "neutral";
    static final String FAILURE = "failure";

    static OmsError ok() {
        return new OmsError("ok", NEUTRAL, null, List.of());
    }

    static OmsError failure(String code, String content) {
        return new OmsError(code, FAILURE, content, List.of());
    }

    static OmsError failure(String code, String content, List<String> recipients) {
        return new OmsError(code, FAILURE, content, List.copyOf(recipients));
    }
}
