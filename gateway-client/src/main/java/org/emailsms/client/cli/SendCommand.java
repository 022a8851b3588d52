package org.emailsms.client.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.emailsms.client.Contact;
import org.emailsms.client.Contacts;
import org.emailsms.client.Contacts.ContactsException;
import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.soap.message.Compression;
import org.emailsms.client.soap.message.MessagePreview;
import org.emailsms.client.soap.message.MessageStatus;
import org.emailsms.client.soap.message.RecipientResult;
import org.emailsms.client.soap.message.SendOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "send", description = {
        "Sends a text to each recipient: a number, \"Name\" <number>, or a name found in the contacts.",
        "Shows the preview and asks before sending, unless --yes."})
final class SendCommand extends Activated {

    /** The statuses after which nothing changes any more. */
    static final Set<String> FINAL = Set.of("DELIVERED", "UNDELIVERED", "EXPIRED", "ABORT");
    private static final Pattern NUMBER = Pattern.compile("[+0-9][0-9 ()./-]*");
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int PROGRESS_FROM = 5;

    @Parameters(arity = "1..*", paramLabel = "RECIPIENT", description = "Numbers, \"Name\" <number>, or names to look up")
    List<String> recipients;

    @Option(names = {"-m", "--text"}, description = "The text (else read from the standard input)")
    String text;

    @Option(names = "--at", description = "Send later: 2026-12-24T09:00 (this computer's time zone) or 2026-12-24T08:00:00Z")
    String at;

    @Option(names = "--compress", description = "Through the compression dictionaries (yours, then your company's)")
    boolean compress;

    @Option(names = "--confirm-delivery", description = "Ask for a handset delivery confirmation")
    boolean confirmDelivery;

    @Option(names = {"-y", "--yes"}, description = "Send without asking")
    boolean yes;

    @Option(names = "--watch", description = "Follow the status until every message is final (asks for delivery confirmation)")
    boolean watch;

    @Option(names = "--watch-for", defaultValue = "PT10M", description = "How long --watch follows at most (default ${DEFAULT-VALUE})")
    Duration watchFor;

    SendCommand(Console console) {
        super(console);
    }

    @Override
    int run(SmsGateway gateway, String serial) throws GatewayException, ContactsException, InterruptedException {
        List<String> resolved = resolve(Contacts.from(settings, console.files()));
        if (resolved == null) {
            return ExitCodes.REFUSED;
        }
        String message = text != null ? text : console.rest();
        if (message.isEmpty()) {
            console.err().println("The text is empty: give it with --text or on the standard input.");
            return ExitCodes.REFUSED;
        }
        String sendAt = sendAt();
        MessagePreview preview = gateway.preview(serial, message, compress);
        printPreview(preview, resolved);
        if (!preview.isFits()) {
            console.err().println("Your company does not allow a text of " + preview.getSegments() + " segments: shorten it"
                    + (compress ? "." : " or try --compress."));
            return ExitCodes.REFUSED;
        }
        if (!yes && !console.confirm("Send to " + resolved.size() + " recipient(s)" + (sendAt == null ? "" : " at " + sendAt) + "?")) {
            console.err().println("Nothing sent.");
            return ExitCodes.REFUSED;
        }
        SendOptions options = new SendOptions();
        options.setSendAt(sendAt);
        options.setCompress(compress);
        // Without a receipt a message ends at OK: watching asks for one, so that there is an end to watch for.
        options.setConfirmDelivery(confirmDelivery || watch);
        List<RecipientResult> results = gateway.send(serial, resolved, message, options);
        Map<Long, String> accepted = new LinkedHashMap<>();
        for (RecipientResult result : results) {
            if (result.getMessageId() != null) {
                accepted.put(result.getMessageId(), result.getStatus());
                console.out().println(result.getRecipient() + ": message " + result.getMessageId() + " " + result.getStatus()
                        + (result.getNotice() == null ? "" : " (" + result.getNotice() + ")"));
            } else {
                console.out().println(result.getRecipient() + ": refused, " + result.getErrorCode() + ": " + result.getErrorMessage());
            }
        }
        if (watch && !accepted.isEmpty()) {
            return follow(gateway, serial, accepted);
        }
        return accepted.size() == results.size() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private List<String> resolve(Contacts contacts) throws ContactsException {
        List<String> resolved = new ArrayList<>();
        for (String recipient : recipients) {
            if (recipient.contains("<") || NUMBER.matcher(recipient.strip()).matches()) {
                resolved.add(recipient.strip());
                continue;
            }
            List<Contact> found = contacts.search(recipient.strip());
            if (found.size() != 1) {
                console.err().println(found.isEmpty() ? "Nobody in the contacts is called '" + recipient + "'."
                        : "'" + recipient + "' is " + found.size() + " contacts: " + found.stream()
                        .map(c -> c.name() + " <" + c.mobile() + ">").toList() + "; give the number or more of the name.");
                return null;
            }
            resolved.add(found.get(0).asRecipient());
        }
        return resolved;
    }

    private String sendAt() {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(at.strip()).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(at.strip()).atZone(ZoneId.systemDefault()).toInstant().toString();
            } catch (DateTimeParseException again) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--at takes 2026-12-24T09:00 or 2026-12-24T08:00:00Z, not '" + at + "'");
            }
        }
    }

    private void printPreview(MessagePreview preview, List<String> resolved) {
        console.out().println("To: " + String.join(", ", resolved));
        console.out().println("Text: " + preview.getText());
        console.out().printf("%s, %d characters, %d segment(s), %d characters left in the last%n", preview.getEncoding(),
                preview.getCharacters(), preview.getSegments(), preview.getCharactersLeft());
        Compression saved = preview.getCompression();
        if (saved != null) {
            console.out().printf("Compressed: %d -> %d characters, %d -> %d segment(s)%n", saved.getCharactersBefore(),
                    saved.getCharactersAfter(), saved.getSegmentsBefore(), saved.getSegmentsAfter());
        }
    }

    /** Polls the status until every message is final, printing each change (and a tally for many). */
    private int follow(SmsGateway gateway, String serial, Map<Long, String> statuses) throws GatewayException, InterruptedException {
        Instant until = Instant.now().plus(watchFor);
        while (!statuses.values().stream().allMatch(FINAL::contains)) {
            if (Instant.now().isAfter(until)) {
                console.out().println("Still not final after " + watchFor.toMinutes() + " minutes: " + tally(statuses));
                return ExitCodes.OK;
            }
            Thread.sleep(POLL.toMillis()); // the pace of polling a remote gateway, not a wait for something local
            boolean changed = false;
            for (MessageStatus now : gateway.status(serial, new ArrayList<>(statuses.keySet()))) {
                String before = statuses.put(now.getMessageId(), now.getStatus());
                if (!now.getStatus().equals(before)) {
                    changed = true;
                    console.out().println(now.getMessageId() + " " + now.getDestination() + ": " + before + " -> " + now.getStatus()
                            + (now.getLastError() == null || !now.getStatus().matches("FAIL|ABORT") ? "" : " (" + now.getLastError() + ")"));
                }
            }
            if (changed && statuses.size() >= PROGRESS_FROM) {
                console.out().println("Progress: " + tally(statuses));
            }
        }
        console.out().println("All final: " + tally(statuses));
        return ExitCodes.OK;
    }

    private static String tally(Map<Long, String> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        long done = statuses.values().stream().filter(FINAL::contains).count();
        return done + " of " + statuses.size() + " final " + counts;
    }
}
