package org.emailsms.gateway.smsc.control;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * The simulator's SMSC side: acknowledges every submit_sm with a fresh message id and, when a
 * receipt was asked for, reports the message delivered; refuses everything else.
 */
public class SimulatedSmsc implements ServerMessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SimulatedSmsc.class.getName());
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");

    private final Executor receipts;

    /** Receipts go out on {@code receipts}, after the submit_sm_resp, as a real SMSC's would. */
    public SimulatedSmsc(Executor receipts) {
        this.receipts = receipts;
    }

    private static final int ESME_RINVCMDID = 0x03;
    private static final int ESME_RSYSERR = 0x08;

    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong accepted = new AtomicLong();

    public long accepted() {
        return accepted.get();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        try {
            MessageId id = new MessageId(Long.toHexString(ids.incrementAndGet()));
            accepted.incrementAndGet();
            if ((submit.getRegisteredDelivery() & 0x03) != 0) {
                receipts.execute(() -> deliverReceipt(submit, id.getValue(), source));
            }
            return new SubmitSmResult(id, new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), ESME_RSYSERR);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    private static void deliverReceipt(SubmitSm submit, String id, SMPPServerSession session) {
        String now = LocalDateTime.now(ZoneOffset.UTC).format(RECEIPT_DATE);
        String text = String.format("id:%s sub:001 dlvrd:001 submit date:%s done date:%s stat:DELIVRD err:000 text:",
                id, now, now);
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    submit.getDestAddress(), TypeOfNumber.valueOf(submit.getSourceAddrTon()),
                    NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()), submit.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            LOG.log(Level.FINE, "the simulator could not deliver a receipt", e);
        }
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the simulator", ESME_RINVCMDID);
    }
}
