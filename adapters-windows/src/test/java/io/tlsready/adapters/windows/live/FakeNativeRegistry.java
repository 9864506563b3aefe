package io.tlsready.adapters.windows.live;

import io.tlsready.domain.facts.RegistryView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The native side faked as Windows behaves: keys per view (case-insensitive), RegCreateKeyEx making parents,
 * RegSetValueEx needing the key, Win32 error codes; keys can be made to deny access. Records every call.
 */
class FakeNativeRegistry implements RegistryAccess, RegistryEdits {

    private record Raw(String name, int type, byte[] data) {
    }

    private final Map<String, Map<String, Raw>> keys = new LinkedHashMap<>();
    /** The spelling each key was created with. */
    private final Map<String, String> spelling = new LinkedHashMap<>();
    final Set<String> denied = new HashSet<>();
    final List<String> calls = new ArrayList<>();

    private static String id(String subKey, RegistryView view) {
        return view + "|" + subKey.toUpperCase(Locale.ROOT);
    }

    private int gate(String subKey, RegistryView view) {
        for (String d : denied) {
            if (id(subKey, view).startsWith(d)) {
                return ACCESS_DENIED;
            }
        }
        return keys.containsKey(id(subKey, view)) ? OK : NOT_FOUND;
    }

    FakeNativeRegistry deny(String subKey, RegistryView view) {
        denied.add(id(subKey, view));
        return this;
    }

    @Override
    public Read read(String subKey, String name, RegistryView view) {
        calls.add("read " + view + " " + subKey + " " + name);
        int rc = gate(subKey, view);
        if (rc == NOT_FOUND) {
            return new KeyMissing();
        }
        if (rc != OK) {
            return new Failed(rc, "Access is denied.");
        }
        Raw v = keys.get(id(subKey, view)).get(name.toUpperCase(Locale.ROOT));
        return v == null ? new ValueMissing() : new Found(v.type(), v.data());
    }

    @Override
    public int openKey(String subKey, RegistryView view) {
        calls.add("open " + view + " " + subKey);
        return gate(subKey, view);
    }

    @Override
    public Listing list(String subKey, RegistryView view) {
        calls.add("list " + view + " " + subKey);
        int rc = gate(subKey, view);
        if (rc != OK) {
            return Listing.failed(rc);
        }
        String prefix = id(subKey, view) + "\\";
        List<String> subkeys = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (k.startsWith(prefix) && k.indexOf('\\', prefix.length()) < 0) {
                String path = spelling.get(k);
                subkeys.add(path.substring(path.lastIndexOf('\\') + 1));
            }
        }
        return new Listing(OK, subkeys, keys.get(id(subKey, view)).values().stream().map(Raw::name).toList());
    }

    @Override
    public int createKey(String subKey, RegistryView view) {
        calls.add("create " + view + " " + subKey);
        int rc = gate(subKey, view);
        if (rc == ACCESS_DENIED) {
            return rc;
        }
        String path = "";
        for (String part : subKey.split("\\\\")) {
            path = path.isEmpty() ? part : path + "\\" + part;
            if (keys.putIfAbsent(id(path, view), new LinkedHashMap<>()) == null) {
                spelling.put(id(path, view), path);
            }
        }
        return OK;
    }

    @Override
    public int setValue(String subKey, RegistryView view, String name, int type, byte[] data) {
        calls.add("set " + view + " " + subKey + " " + name + " " + type);
        int rc = gate(subKey, view);
        if (rc == OK) {
            keys.get(id(subKey, view)).put(name.toUpperCase(Locale.ROOT), new Raw(name, type, data.clone()));
        }
        return rc;
    }

    @Override
    public int deleteValue(String subKey, RegistryView view, String name) {
        calls.add("deleteValue " + view + " " + subKey + " " + name);
        int rc = gate(subKey, view);
        if (rc != OK) {
            return rc;
        }
        return keys.get(id(subKey, view)).remove(name.toUpperCase(Locale.ROOT)) == null ? NOT_FOUND : OK;
    }

    @Override
    public int deleteKey(String subKey, RegistryView view) {
        calls.add("deleteKey " + view + " " + subKey);
        int rc = gate(subKey, view);
        if (rc == OK) {
            keys.remove(id(subKey, view));
            spelling.remove(id(subKey, view));
        }
        return rc;
    }

    @Override
    public String describe(int error) {
        return error == ACCESS_DENIED ? "Access is denied.\r\n" : "The operation failed.\r\n";
    }
}
