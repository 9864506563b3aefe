package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.kerberos.KerberosException;
import io.tlsready.adapters.winrm.ntlm.NtlmException;
import io.tlsready.adapters.winrm.wsman.WsmanFault;
import io.tlsready.adapters.winrm.wsman.WsmanTransportException;
import io.tlsready.domain.output.Visible;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditException.Cause;

/**
 * What a failed StdRegProv call means for {@code fix}: ReturnValue 5 ACCESS_DENIED, 2 KEY_MISSING, anything else
 * OTHER with its code; a host that cannot be reached or drops the connection (refused, unreachable, reset, timeout,
 * w:TimedOut) CONNECTION; authentication, TLS and protocol failures OTHER with the audit's one-line message. Never
 * a secret: the transports' messages carry none.
 */
final class EditFailures {

    private EditFailures() {
    }

    /** A ReturnValue other than 0, while {@code doing} ("writing value \"Enabled\"", "creating the key"). */
    static RegistryEditException returned(String host, String key, String method, long rv, String doing) {
        String call = "StdRegProv " + method + " returned " + rv;
        if (rv == StdRegProvEditor.ACCESS_DENIED) {
            return new RegistryEditException(host, key, Cause.ACCESS_DENIED, "access denied " + doing + " (" + call
                    + "; the account needs " + (doing.startsWith("reading") || doing.startsWith("listing") ? "read"
                            : "write") + " access to this key)");
        }
        if (rv == StdRegProvEditor.KEY_NOT_FOUND) {
            return new RegistryEditException(host, key, Cause.KEY_MISSING, "key not found " + doing + " (" + call
                    + ")");
        }
        return new RegistryEditException(host, key, Cause.OTHER, doing + " failed: " + call
                + String.format(" (0x%08X)", rv));
    }

    /** A failure below StdRegProv: the transport, WS-Management, or the authentication. */
    static RegistryEditException of(String host, String key, RuntimeException e) {
        if (e instanceof WsmanTransportException t) {
            Cause cause = switch (t.kind()) {
                case UNREACHABLE, REFUSED, TIMEOUT, RESET -> Cause.CONNECTION;
                default -> Cause.OTHER;
            };
            return new RegistryEditException(host, key, cause, t.hinted().neutral(), e);
        }
        if (e instanceof WsmanFault f) {
            Cause cause = f.kind() == WsmanFault.Kind.TIMED_OUT ? Cause.CONNECTION
                    : f.kind() == WsmanFault.Kind.ACCESS_DENIED ? Cause.ACCESS_DENIED : Cause.OTHER;
            return new RegistryEditException(host, key, cause, f.getMessage(), e);
        }
        if (e instanceof NtlmException) {
            return new RegistryEditException(host, key, Cause.OTHER, "NTLM: " + e.getMessage(), e);
        }
        if (e instanceof KerberosException k) {
            return new RegistryEditException(host, key, Cause.OTHER, k.hinted().neutral(), e);
        }
        if (e instanceof IllegalArgumentException) {
            // WsmanMessages refuses text that XML 1.0 cannot carry (a control character in a name or string).
            return new RegistryEditException(host, key, Cause.OTHER, "cannot be sent over WS-Management: "
                    + e.getMessage(), e);
        }
        return new RegistryEditException(host, key, Cause.OTHER, Visible.of(String.valueOf(e.getMessage())), e);
    }

    /** A value name as a message shows it: quoted, every control visible; the default value by its name. */
    static String name(String name) {
        return name.isEmpty() ? "(Default)" : Visible.quoted(name);
    }
}
