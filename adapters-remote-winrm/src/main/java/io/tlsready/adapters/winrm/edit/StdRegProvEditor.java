package io.tlsready.adapters.winrm.edit;

import io.tlsready.adapters.winrm.wsman.InvokeResult;
import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.adapters.winrm.wsman.WsmanClient;
import io.tlsready.adapters.winrm.wsman.WsmanOptions;
import io.tlsready.adapters.winrm.wsman.WsmanTransport;
import io.tlsready.domain.facts.KeyRef;
import io.tlsready.domain.facts.RegValue;
import io.tlsready.domain.facts.ValueRef;
import io.tlsready.domain.port.RegistryEditException;
import io.tlsready.domain.port.RegistryEditException.Cause;
import io.tlsready.domain.port.RegistryEditor;
import io.tlsready.domain.port.RemoteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One host's registry over StdRegProv (root\default). Every call is a request to the host (nothing cached). Views
 * as the audit reads them: a 32-bit value goes through its explicit {@code SOFTWARE\WOW6432Node\…} path
 * ({@link ValueRef#physicalKey()}), never through {@code __ProviderArchitecture} (broken over WS-Man, winrm-notes
 * §0.2), so what {@code fix} writes is what the next audit reads.
 *
 * <p>Reads: EnumValues gives the value's type, then the typed getter (GetDWORDValue, GetQWORDValue, GetStringValue,
 * GetMultiStringValue, GetBinaryValue for REG_BINARY and other types). A REG_EXPAND_SZ is read with GetStringValue
 * (unexpanded, as the journal must hold it); a host that answers type mismatch there would only give the expanded
 * text (GetExpandedStringValue), which could not be restored exactly, so that read fails instead of guessing.
 *
 * <p>Failures ({@link EditFailures}): ReturnValue 5 is ACCESS_DENIED, 2 KEY_MISSING, others OTHER with the code;
 * a reset, timeout, refused or unreachable host is CONNECTION, after which the next call opens a fresh transport
 * (so {@code fix} can still undo its writes when the connection comes back). Nothing is retried here.
 */
final class StdRegProvEditor implements RegistryEditor {

    static final long OK = 0;
    static final long VALUE_NOT_FOUND = 1;
    static final long KEY_NOT_FOUND = 2;
    static final long ACCESS_DENIED = 5;
    static final long TYPE_MISMATCH = 0x80041005L;

    private static final int REG_SZ = 1;
    private static final int REG_EXPAND_SZ = 2;
    private static final int REG_DWORD = 4;
    private static final int REG_MULTI_SZ = 7;
    private static final int REG_QWORD = 11;

    private final String host;
    private final Supplier<WsmanTransport> opener;
    private final WsmanOptions options;
    private WsmanTransport transport;
    private WsmanClient client;
    private boolean closed;

    StdRegProvEditor(RemoteTarget target, Supplier<WsmanTransport> opener, WsmanOptions options) {
        this.host = Objects.requireNonNull(target, "target").label();
        this.opener = Objects.requireNonNull(opener, "opener");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public Optional<RegValue> read(ValueRef ref) {
        String key = ref.physicalKey();
        return call(key, c -> {
            InvokeResult listing = c.stdRegProv(RegMethod.ENUM_VALUES, key, null);
            if (listing.returnValue() == KEY_NOT_FOUND) {
                return Optional.empty();
            }
            require(listing, key, "reading the key");
            Optional<Integer> type = typeOf(listing, key, ref.name());
            if (type.isEmpty()) {
                return ref.name().isEmpty() ? defaultValue(c, key) : Optional.empty();
            }
            return typed(c, key, ref.name(), type.get());
        });
    }

    @Override
    public boolean keyExists(KeyRef key) {
        String path = key.physicalKey();
        return call(path, c -> {
            InvokeResult r = c.stdRegProv(RegMethod.ENUM_KEY, path, null);
            if (r.returnValue() == KEY_NOT_FOUND) {
                return false;
            }
            require(r, path, "reading the key");
            return true;
        });
    }

    @Override
    public KeyContents contents(KeyRef key) {
        String path = key.physicalKey();
        return call(path, c -> {
            InvokeResult subkeys = c.stdRegProv(RegMethod.ENUM_KEY, path, null);
            require(subkeys, path, "listing the key");
            InvokeResult values = c.stdRegProv(RegMethod.ENUM_VALUES, path, null);
            require(values, path, "listing the key");
            List<String> names = new ArrayList<>(values.all("sNames"));
            if (names.stream().noneMatch(String::isEmpty)) {
                // EnumValues may leave the default value out ("null if only the default value is available").
                long rv = c.stdRegProv(RegMethod.GET_STRING, path, "").returnValue();
                if (rv == OK || rv == TYPE_MISMATCH) {
                    names.add(0, "");
                }
            }
            return new KeyContents(subkeys.all("sNames"), names);
        });
    }

    @Override
    public void createKey(KeyRef key) {
        String path = key.physicalKey();
        call(path, c -> require(c.stdRegProv(RegMethod.CREATE_KEY, path, null), path, "creating the key"));
    }

    @Override
    public void write(ValueRef ref, RegValue value) {
        String key = ref.physicalKey();
        Map.Entry<RegMethod, List<Map.Entry<String, String>>> call = ValueWire.setter(value).orElseThrow(
                () -> new RegistryEditException(host, key, Cause.OTHER, value.typeName() + " value "
                        + EditFailures.name(ref.name()) + " cannot be written through StdRegProv (it has no setter"
                        + " for this type)"));
        call(key, c -> require(c.stdRegProv(call.getKey(), key, ref.name(), call.getValue()), key,
                "writing value " + EditFailures.name(ref.name())));
    }

    @Override
    public void deleteValue(ValueRef ref) {
        String key = ref.physicalKey();
        call(key, c -> {
            InvokeResult r = c.stdRegProv(RegMethod.DELETE_VALUE, key, ref.name());
            if (r.returnValue() != VALUE_NOT_FOUND && r.returnValue() != KEY_NOT_FOUND) {
                require(r, key, "deleting value " + EditFailures.name(ref.name()));
            }
            return r;
        });
    }

    @Override
    public void deleteKey(KeyRef key) {
        String path = key.physicalKey();
        call(path, c -> {
            InvokeResult r = c.stdRegProv(RegMethod.DELETE_KEY, path, null);
            if (r.returnValue() != KEY_NOT_FOUND) {
                require(r, path, "deleting the key");
            }
            return r;
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    /** Runs one step on the host's client, opening the transport first if needed; failures name the key. */
    private synchronized <T> T call(String key, Function<WsmanClient, T> step) {
        if (closed) {
            throw new IllegalStateException(host + ": registry editor is closed");
        }
        try {
            if (client == null) {
                transport = opener.get();
                client = new WsmanClient(transport, options);
            }
            return step.apply(client);
        } catch (RegistryEditException e) {
            throw e;
        } catch (RuntimeException e) {
            RegistryEditException failure = EditFailures.of(host, key, e);
            if (failure.reason() == Cause.CONNECTION) {
                // The channel (and an NTLM or Kerberos context bound to it) is gone: start afresh next time.
                drop();
            }
            throw failure;
        }
    }

    private void drop() {
        WsmanTransport t = transport;
        transport = null;
        client = null;
        if (t != null) {
            t.close();
        }
    }

    /** The result when its ReturnValue is 0; otherwise the failure, worded for what was being done. */
    private InvokeResult require(InvokeResult r, String key, String doing) {
        if (r.returnValue() != OK) {
            throw EditFailures.returned(host, key, r.method(), r.returnValue(), doing);
        }
        return r;
    }

    private Optional<Integer> typeOf(InvokeResult listing, String key, String name) {
        List<String> names = listing.all("sNames");
        List<String> types = listing.all("Types");
        if (names.size() != types.size()) {
            throw new RegistryEditException(host, key, Cause.OTHER, "StdRegProv EnumValues returned " + names.size()
                    + " names but " + types.size() + " types");
        }
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i), types.get(i));
        }
        String type = byName.get(name);
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(type.strip()));
        } catch (NumberFormatException e) {
            throw new RegistryEditException(host, key, Cause.OTHER, "StdRegProv EnumValues gave no usable type for"
                    + " value " + EditFailures.name(name));
        }
    }

    private Optional<RegValue> defaultValue(WsmanClient c, String key) {
        InvokeResult r = c.stdRegProv(RegMethod.GET_STRING, key, "");
        if (r.returnValue() == VALUE_NOT_FOUND || r.returnValue() == KEY_NOT_FOUND) {
            return Optional.empty();
        }
        require(r, key, "reading the default value");
        return Optional.of(RegValue.Str.of(r.first("sValue").orElse("")));
    }

    private Optional<RegValue> typed(WsmanClient c, String key, String name, int type) {
        RegMethod getter = switch (type) {
            case REG_DWORD -> RegMethod.GET_DWORD;
            case REG_QWORD -> RegMethod.GET_QWORD;
            case REG_SZ, REG_EXPAND_SZ -> RegMethod.GET_STRING;
            case REG_MULTI_SZ -> RegMethod.GET_MULTI_STRING;
            default -> RegMethod.GET_BINARY;
        };
        InvokeResult r = c.stdRegProv(getter, key, name);
        long rv = r.returnValue();
        if (rv == VALUE_NOT_FOUND || rv == KEY_NOT_FOUND) {
            // Deleted between EnumValues and the read.
            return Optional.empty();
        }
        if (rv == TYPE_MISMATCH) {
            throw new RegistryEditException(host, key, Cause.OTHER, "value " + EditFailures.name(name) + " ("
                    + ValueWire.typeName(type) + ") cannot be read exactly through StdRegProv " + getter.wmiName()
                    + ": type mismatch");
        }
        require(r, key, "reading value " + EditFailures.name(name));
        return Optional.of(ValueWire.decode(r, type).orElseThrow(() -> new RegistryEditException(host, key,
                Cause.OTHER, "StdRegProv " + getter.wmiName() + " returned no usable " + ValueWire.typeName(type)
                        + " data for value " + EditFailures.name(name))));
    }
}
