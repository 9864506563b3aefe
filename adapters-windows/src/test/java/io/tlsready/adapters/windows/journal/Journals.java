package io.tlsready.adapters.windows.journal;

import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.journal.Journal;
import io.tlsready.domain.rules.RuleId;
import java.util.List;
import java.util.Optional;

/** Journals for the tests: a small one whose JSON is pinned, and one with every value type and hostile names. */
final class Journals {

    static final String TLS12 = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"
            + "\\TLS 1.2\\Client";
    static final String NETFX = "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";

    private Journals() {
    }

    static Journal small() {
        return new Journal("20261207T120000Z-1a2b", "2026-12-07T12:00:00Z", "1.4.0",
                new Journal.Where("mars01.corp.example", false, 5986, "https", "ntlm"),
                List.of(KeyRef.of(TLS12)),
                List.of(new Journal.Entry(ValueRef.of(TLS12, "Enabled"), Optional.empty(), new RegValue.Dword(1),
                                RuleId.SCHANNEL_TLS12_CLIENT, "TLS 1.2 client enabled", Journal.State.WRITTEN),
                        new Journal.Entry(ValueRef.wow32(NETFX, "SchUseStrongCrypto"),
                                Optional.of(new RegValue.Dword(0)), new RegValue.Dword(1),
                                RuleId.NETFX_STRONG_CRYPTO, ".NET 4 strong crypto", Journal.State.PLANNED)));
    }

    /** Every RegValue shape, in both views, with names and text a hostile host could hold. */
    static Journal hostile() {
        String evil = "HKLM\\SOFTWARE\\tls\"ready\u001b[31m\u202e\\new\nline\ttab\u0000nul\u0085\u2028\ud800";
        List<RegValue> values = List.of(new RegValue.Dword(0), new RegValue.Dword(0xFFFF_FFFFL),
                new RegValue.Qword(-1L), new RegValue.Qword(0x8000_0000_0000_0000L),
                RegValue.Str.of(""), RegValue.Str.of("quote\" back\\slash \u001b]0;title\u0007 \u202e \u00e9\u4e2d\ud83d\ude00"),
                new RegValue.Str("%SystemRoot%\\x", true),
                new RegValue.MultiStr(List.of()), new RegValue.MultiStr(List.of("a\nb", "\"c\"", "\u2066d")),
                new RegValue.Raw(3, new byte[] {0, -1, 0x1b, '\n'}), new RegValue.Raw(0, new byte[0]),
                new RegValue.Raw(4, new byte[] {1, 2, 3}), new RegValue.Raw(11, new byte[] {1}),
                new RegValue.Raw(5, new byte[] {0, 0, 0, 1}), new RegValue.Raw(-1, new byte[] {7}),
                new RegValue.Raw(0x4000, new byte[] {9, 9}));
        List<String> names = List.of("", "plain", "quote\"d", "new\nline", "\u001b[2J", "\u202eevil", "back\\slash",
                "tab\there", "\u0000", "{\"json\":1}", "\ud800lone", "\u00a0nbsp", "a]b[c", "x\r\ny", "\u007f", "\u2028");
        List<Journal.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            boolean wow = i % 2 == 1;
            ValueRef ref = wow ? ValueRef.wow32(evil, names.get(i)) : ValueRef.of(evil + i, names.get(i));
            Optional<RegValue> before = i % 3 == 0 ? Optional.empty() : Optional.of(values.get((i + 5) % values.size()));
            entries.add(new Journal.Entry(ref, before, values.get(i), RuleId.values()[i % RuleId.values().length],
                    "reason \"" + names.get(i) + "\"", Journal.State.values()[i % Journal.State.values().length]));
        }
        return new Journal("run\u001b[31m\"id\"", "2026-12-07T12:00:00.123456789Z", "dev\nbuild",
                new Journal.Where("host\u202e\u001b\"name\n", false, 65535, "http\u0000", "k\"erberos"),
                List.of(KeyRef.of(evil), new KeyRef(evil + "\\child", io.tlsready.domain.facts.RegistryView.WOW64_32)),
                entries);
    }
}
