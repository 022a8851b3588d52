package org.emailsms.gateway.message.boundary;

/** What the dictionary saved: the text's characters and SMS segments before and after compression. */
public record Compression(int charactersBefore, int segmentsBefore, int charactersAfter, int segmentsAfter) {
}
