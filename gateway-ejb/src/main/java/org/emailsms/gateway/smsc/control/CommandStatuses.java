package org.emailsms.gateway.smsc.control;

import java.util.Map;

/**
 * SMPP 3.4 command_status values of a refused submit_sm, each either temporary (try again later)
 * or permanent (the same submit can never succeed). Unknown and vendor-specific values count as
 * temporary: a bounded number of retries costs less than losing a message to a misread code.
 */
public final class CommandStatuses {

    private record Status(String name, boolean permanent) {
    }

    private static final Map<Integer, Status> KNOWN = Map.ofEntries(
            Map.entry(0x01, new Status("ESME_RINVMSGLEN invalid message length", true)),
            Map.entry(0x02, new Status("ESME_RINVCMDLEN invalid command length", true)),
            Map.entry(0x03, new Status("ESME_RINVCMDID invalid command id", true)),
            Map.entry(0x04, new Status("ESME_RINVBNDSTS wrong bind state", false)),
            Map.entry(0x05, new Status("ESME_RALYBND already bound", false)),
            Map.entry(0x06, new Status("ESME_RINVPRTFLG invalid priority flag", true)),
            Map.entry(0x07, new Status("ESME_RINVREGDLVFLG invalid registered delivery flag", true)),
            Map.entry(0x08, new Status("ESME_RSYSERR system error", false)),
            Map.entry(0x0A, new Status("ESME_RINVSRCADR invalid source address", true)),
            Map.entry(0x0B, new Status("ESME_RINVDSTADR invalid destination address", true)),
            Map.entry(0x0C, new Status("ESME_RINVMSGID invalid message id", true)),
            Map.entry(0x0D, new Status("ESME_RBINDFAIL bind failed", false)),
            Map.entry(0x0E, new Status("ESME_RINVPASWD invalid password", false)),
            Map.entry(0x0F, new Status("ESME_RINVSYSID invalid system id", false)),
            Map.entry(0x11, new Status("ESME_RCANCELFAIL cancel failed", true)),
            Map.entry(0x13, new Status("ESME_RREPLACEFAIL replace failed", true)),
            Map.entry(0x14, new Status("ESME_RMSGQFUL message queue full", false)),
            Map.entry(0x15, new Status("ESME_RINVSERTYP invalid service type", true)),
            Map.entry(0x33, new Status("ESME_RINVNUMDESTS invalid number of destinations", true)),
            Map.entry(0x34, new Status("ESME_RINVDLNAME invalid distribution list", true)),
            Map.entry(0x40, new Status("ESME_RINVDESTFLAG invalid destination flag", true)),
            Map.entry(0x42, new Status("ESME_RINVSUBREP invalid submit with replace", true)),
            Map.entry(0x43, new Status("ESME_RINVESMCLASS invalid esm_class", true)),
            Map.entry(0x44, new Status("ESME_RCNTSUBDL cannot submit to distribution list", true)),
            Map.entry(0x45, new Status("ESME_RSUBMITFAIL submit failed", false)),
            Map.entry(0x48, new Status("ESME_RINVSRCTON invalid source TON", true)),
            Map.entry(0x49, new Status("ESME_RINVSRCNPI invalid source NPI", true)),
            Map.entry(0x50, new Status("ESME_RINVDSTTON invalid destination TON", true)),
            Map.entry(0x51, new Status("ESME_RINVDSTNPI invalid destination NPI", true)),
            Map.entry(0x53, new Status("ESME_RINVSYSTYP invalid system type", true)),
            Map.entry(0x54, new Status("ESME_RINVREPFLAG invalid replace_if_present flag", true)),
            Map.entry(0x55, new Status("ESME_RINVNUMMSGS invalid number of messages", true)),
            Map.entry(0x58, new Status("ESME_RTHROTTLED throttled", false)),
            Map.entry(0x61, new Status("ESME_RINVSCHED invalid scheduled delivery time", true)),
            Map.entry(0x62, new Status("ESME_RINVEXPIRY invalid validity period", true)),
            Map.entry(0x63, new Status("ESME_RINVDFTMSGID invalid predefined message", true)),
            Map.entry(0x64, new Status("ESME_RX_T_APPN temporary application error", false)),
            Map.entry(0x65, new Status("ESME_RX_P_APPN permanent application error", true)),
            Map.entry(0x66, new Status("ESME_RX_R_APPN rejected by the receiving application", true)),
            Map.entry(0x67, new Status("ESME_RQUERYFAIL query failed", false)),
            Map.entry(0xC0, new Status("ESME_RINVOPTPARSTREAM invalid optional parameter stream", true)),
            Map.entry(0xC1, new Status("ESME_ROPTPARNOTALLWD optional parameter not allowed", true)),
            Map.entry(0xC2, new Status("ESME_RINVPARLEN invalid parameter length", true)),
            Map.entry(0xC3, new Status("ESME_RMISSINGOPTPARAM missing optional parameter", true)),
            Map.entry(0xC4, new Status("ESME_RINVOPTPARAMVAL invalid optional parameter value", true)),
            Map.entry(0xFE, new Status("ESME_RDELIVERYFAILURE delivery failure", false)),
            Map.entry(0xFF, new Status("ESME_RUNKNOWNERR unknown error", false)));

    private CommandStatuses() {
    }

    /**
     * The SMSC asks to slow down (ESME_RTHROTTLED) or cannot queue more just now (ESME_RMSGQFUL):
     * the bind backs off, and the message's attempt does not count.
     */
    public static boolean isThrottling(int commandStatus) {
        return commandStatus == 0x58 || commandStatus == 0x14;
    }

    public static boolean isPermanent(int commandStatus) {
        Status status = KNOWN.get(commandStatus);
        return status != null && status.permanent();
    }

    /** For example "0x0B ESME_RINVDSTADR invalid destination address". */
    public static String describe(int commandStatus) {
        Status status = KNOWN.get(commandStatus);
        return String.format("0x%02X %s", commandStatus, status == null ? "vendor-specific error" : status.name());
    }
}
