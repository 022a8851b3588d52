package org.emailsms.gateway.smsc.control;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.emailsms.gateway.inbound.control.InboundJournal;
import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * What the SMSC delivers on a bind (deliver_sm): only classified here, receipt or mobile-originated,
 * and stored in the inbound journal. jsmpp sends deliver_sm_resp when this returns, so it returns
 * only once the PDU is stored; if it cannot be, the SMSC gets an error and delivers again later.
 */
public class InboundListener implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(InboundListener.class.getName());
    private static final int ESME_RSYSERR = 0x08;
    private static final int ESME_RINVCMDID = 0x03;
    private static final short RECEIPTED_MESSAGE_ID = 0x001E;
    private static final short MESSAGE_STATE = 0x0427;
    private static final short MESSAGE_PAYLOAD = 0x0424;
    private static final short SAR_MSG_REF_NUM = 0x020C;
    private static final short SAR_TOTAL_SEGMENTS = 0x020E;
    private static final short SAR_SEGMENT_SEQNUM = 0x020F;
    /** Not yet taken by a write after this long: withdrawn and refused, the SMSC delivers it again. */
    private static final long DURABLE_WITHIN_SECONDS = 10;
    /** Taken by a write: how long its outcome is awaited before refusing anyway. */
    private static final long WRITE_OUTCOME_WITHIN_SECONDS = 60;

    private final InboundJournal journal;
    private final String carrier;

    /**
     * For the binds of {@code carrier}. The journal writes on a container thread: jsmpp's reader
     * threads have no naming context.
     */
    public InboundListener(InboundJournal journal, String carrier) {
        this.journal = journal;
        this.carrier = carrier;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        GroupCommit.Entry<InboundPdu, Long> entry = journal.append(classify(deliverSm, carrier));
        try {
            try {
                entry.written().get(DURABLE_WITHIN_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException slow) {
                if (entry.withdraw()) {
                    throw slow;
                }
                // A write has it: were it refused now and stored after all, the SMSC's second
                // delivery would be stored again (a reply mailed twice). So its outcome decides.
                entry.written().get(WRITE_OUTCOME_WITHIN_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("interrupted", ESME_RSYSERR);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "A deliver_sm could not be stored; the SMSC will deliver it again", e);
            throw new ProcessRequestException("cannot store the message now", ESME_RSYSERR);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        LOG.fine(() -> "alert_notification for " + alertNotification.getSourceAddr());
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", ESME_RINVCMDID);
    }

    static InboundPdu classify(DeliverSm deliverSm, String carrier) {
        OptionalParameter receipted = deliverSm.getOptionalParameter(RECEIPTED_MESSAGE_ID);
        OptionalParameter state = deliverSm.getOptionalParameter(MESSAGE_STATE);
        OptionalParameter payload = deliverSm.getOptionalParameter(MESSAGE_PAYLOAD);
        byte[] shortMessage = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        // A long message may come whole in message_payload with an empty short_message.
        if (shortMessage.length == 0 && payload instanceof OptionalParameter.OctetString octets) {
            shortMessage = octets.getValue();
        }
        return new InboundPdu(deliverSm.isSmscDeliveryReceipt(), deliverSm.getSourceAddr(), deliverSm.getDestAddress(),
                deliverSm.getEsmClass(), deliverSm.getDataCoding(), shortMessage,
                receipted instanceof OptionalParameter.Receipted_message_id id ? id.getValueAsString() : null,
                state instanceof OptionalParameter.Message_state ms ? (int) ms.getValue() : null,
                deliverSm.getOptionalParameter(SAR_MSG_REF_NUM) instanceof OptionalParameter.Short ref
                        ? Short.toUnsignedInt(ref.getValue()) : null,
                deliverSm.getOptionalParameter(SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte total
                        ? Byte.toUnsignedInt(total.getValue()) : null,
                deliverSm.getOptionalParameter(SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte seq
                        ? Byte.toUnsignedInt(seq.getValue()) : null, carrier);
    }
}
