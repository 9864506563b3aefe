package io.tlsready.app.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evidence written by us for the REST tests: a Windows Server 2008 R2 SP1 x64 host with KB3140245 installed
 * whose SCHANNEL export has no TLS 1.2 Client key, so the OS default (TLS 1.2 client off) applies.
 */
public final class RestFixtures {

    public static final String HOST = "SRV2K8R2REST";

    private RestFixtures() {
    }

    /** Every regular file of one bundled example set ({@code examples/SET} at the project root), in name order. */
    public static List<Path> exampleFiles(String set) {
        Path here = Paths.get("").toAbsolutePath();
        Path examples = Files.isDirectory(here.resolveSibling("examples")) ? here.resolveSibling("examples")
                : here.resolve("examples");
        try (Stream<Path> files = Files.list(examples.resolve(set))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] systeminfo() {
        String text = String.join("\r\n",
                "",
                "Host Name:                 " + HOST,
                "OS Name:                   Microsoft Windows Server 2008 R2 Standard ",
                "OS Version:                6.1.7601 Service Pack 1 Build 7601",
                "OS Manufacturer:           Microsoft Corporation",
                "OS Configuration:          Member Server",
                "OS Build Type:             Multiprocessor Free",
                "System Type:               x64-based PC",
                "Windows Directory:         C:\\Windows",
                "Hotfix(s):                 3 Hotfix(s) Installed.",
                "                           [01]: KB958488",
                "                           [02]: KB976902",
                "                           [03]: KB3140245",
                "Network Card(s):           1 NIC(s) Installed.",
                "                           [01]: Intel(R) PRO/1000 MT Network Connection",
                "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A regedit export (UTF-16LE with BOM, as regedit writes it) of SCHANNEL\Protocols with only TLS 1.2 Server. */
    public static byte[] schannelWithoutTls12Client() {
        String key = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
        String text = String.join("\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[" + key + "]",
                "",
                "[" + key + "\\TLS 1.2]",
                "",
                "[" + key + "\\TLS 1.2\\Server]",
                "\"Enabled\"=dword:00000001",
                "\"DisabledByDefault\"=dword:00000000",
                "",
                "");
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }
}
