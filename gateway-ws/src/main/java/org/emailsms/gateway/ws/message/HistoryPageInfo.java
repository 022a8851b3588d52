package org.emailsms.gateway.ws.message;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.history.boundary.HistoryPage;

/** A page of activity, oldest first; {@code next} is the {@code since} of the next call, {@code more} whether one is waiting. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "HistoryPage", propOrder = {"entry", "next", "more"})
public class HistoryPageInfo {

    @XmlElement(name = "entry")
    private List<HistoryEntryInfo> entry;
    private String next;
    private boolean more;

    public HistoryPageInfo() {
    }

    static HistoryPageInfo of(HistoryPage page) {
        HistoryPageInfo info = new HistoryPageInfo();
        info.entry = page.entries().stream().map(HistoryEntryInfo::of).toList();
        info.next = page.next();
        info.more = page.more();
        return info;
    }
}
