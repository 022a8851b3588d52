package org.emailsms.client;

/** A person with a mobile number, from the local address book or the corporate directory. */
public record Contact(String name, String mobile, String source) {

    /** As a recipient the gateway takes: {@code "Jane Doe" <+61412345678>}, so replies name who answered. */
    public String asRecipient() {
        return "\"" + name.replace("\"", "'") + "\" <" + mobile + ">";
    }
}
