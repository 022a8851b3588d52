package org.emailsms.gateway.ws.platform;

/** The versioned XML namespace of the API; a breaking change gets a new version, never an edit. */
public final class Namespaces {

    public static final String V1 = "urn:emailsms:gateway:v1";

    private Namespaces() {
    }
}
