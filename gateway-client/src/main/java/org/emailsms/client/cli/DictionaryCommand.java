package org.emailsms.client.cli;

import org.emailsms.client.GatewayException;
import org.emailsms.client.SmsGateway;
import org.emailsms.client.soap.message.DictionaryWord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "dictionary", description = {
        "Your compression dictionary: list (with your company's words), add WORD REPLACEMENT, remove WORD.",
        "send --compress replaces whole words with it; yours go before your company's."})
final class DictionaryCommand extends Activated {

    @Parameters(index = "0", paramLabel = "list|add|remove")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WORD")
    String word;

    @Parameters(index = "2", arity = "0..1", paramLabel = "REPLACEMENT")
    String replacement;

    DictionaryCommand(Console console) {
        super(console);
    }

    @Override
    int run(SmsGateway gateway, String serial) throws GatewayException {
        switch (action) {
            case "list" -> {
                for (DictionaryWord entry : gateway.dictionary(serial)) {
                    console.out().println(entry.getWord() + " = " + entry.getReplacement()
                            + ("COMPANY".equals(entry.getScope()) ? " (company)" : ""));
                }
                return ExitCodes.OK;
            }
            case "add" -> {
                if (word == null || replacement == null) {
                    console.err().println("dictionary add takes a word and its replacement.");
                    return ExitCodes.USAGE;
                }
                DictionaryWord added = gateway.addWord(serial, word, replacement);
                console.out().println("Added: " + added.getWord() + " = " + added.getReplacement());
                return ExitCodes.OK;
            }
            case "remove" -> {
                if (word == null) {
                    console.err().println("dictionary remove takes the word.");
                    return ExitCodes.USAGE;
                }
                boolean removed = gateway.removeWord(serial, word);
                console.out().println(removed ? "Removed: " + word : "'" + word + "' is not in your own dictionary.");
                return removed ? ExitCodes.OK : ExitCodes.REFUSED;
            }
            default -> {
                console.err().println("dictionary takes list, add or remove, not '" + action + "'.");
                return ExitCodes.USAGE;
            }
        }
    }
}
