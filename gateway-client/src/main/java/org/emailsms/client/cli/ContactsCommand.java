package org.emailsms.client.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.emailsms.client.Contact;
import org.emailsms.client.Contacts;
import org.emailsms.client.Contacts.ContactsException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "contacts", description = "Finds people with a mobile number in the address book and the directory (see configure).")
final class ContactsCommand implements Callable<Integer> {

    private final Console console;

    @Parameters(paramLabel = "SEARCH", description = "Part of the name")
    String search;

    ContactsCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Contacts contacts = Contacts.from(console.files().load(), console.files());
        if (contacts.isEmpty()) {
            console.err().println("No address book or directory yet: see emailsms configure --help.");
            return ExitCodes.REFUSED;
        }
        try {
            List<Contact> found = contacts.search(search);
            found.forEach(c -> console.out().println(c.name() + " <" + c.mobile() + "> (" + c.source() + ")"));
            if (found.isEmpty()) {
                console.out().println("Nobody found.");
            }
            return ExitCodes.OK;
        } catch (ContactsException e) {
            console.err().println(e.getMessage());
            return ExitCodes.REFUSED;
        }
    }
}
