package org.emailsms.gateway.smsc.control;

/** One SMPP bind: where to, as whom, and how much at once. */
public record BindSettings(String name, String host, int port, String systemId, String password, String systemType,
                           int window, int throughput) {

    @Override
    public String toString() {
        return name + " (" + systemId + "@" + host + ":" + port + ")";
    }
}
