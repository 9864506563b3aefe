package io.tlsready.adapters.winrm.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One EnumerateResponse or PullResponse (MS-WSMV 4.1.2.2–4.1.2.6): the items it carried, the context for the
 * next Pull, and whether the sequence ended. Items come in {@code w:Items} (optimized enumeration) or
 * {@code n:Items} (Pull); EndOfSequence in either namespace.
 */
public record EnumerationPage(List<WmiInstance> items, Optional<String> context, boolean endOfSequence) {

    public EnumerationPage {
        items = List.copyOf(items);
        Objects.requireNonNull(context, "context");
    }

    public static EnumerationPage from(XmlElement response) {
        if (!response.name().equals("EnumerateResponse") && !response.name().equals("PullResponse")) {
            throw WsmanXml.protocol("expected EnumerateResponse or PullResponse, got " + response.name());
        }
        List<WmiInstance> items = new ArrayList<>();
        for (XmlElement list : response.children("Items")) {
            for (XmlElement item : list.children()) {
                items.add(WmiInstance.from(item));
            }
        }
        Optional<String> context = response.child("EnumerationContext").map(XmlElement::trimmedText)
                .filter(s -> !s.isEmpty());
        boolean end = response.child("EndOfSequence").isPresent();
        return new EnumerationPage(items, context, end);
    }
}
