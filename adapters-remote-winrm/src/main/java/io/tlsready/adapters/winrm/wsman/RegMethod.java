package io.tlsready.adapters.winrm.wsman;

/**
 * The read-only StdRegProv methods used (MOF: https://learn.microsoft.com/previous-versions/windows/desktop/regprov/stdregprov).
 * Out parameters: {@code uValue} (uint32/uint64, or uint8[] for binary), {@code sValue} (string or string[]),
 * {@code sNames}/{@code Types} (string[]/sint32[]).
 */
public enum RegMethod {
    GET_DWORD("GetDWORDValue", true),
    GET_QWORD("GetQWORDValue", true),
    GET_STRING("GetStringValue", true),
    GET_EXPANDED_STRING("GetExpandedStringValue", true),
    GET_MULTI_STRING("GetMultiStringValue", true),
    GET_BINARY("GetBinaryValue", true),
    ENUM_KEY("EnumKey", false),
    ENUM_VALUES("EnumValues", false);

    private final String wmiName;
    private final boolean takesValueName;

    RegMethod(String wmiName, boolean takesValueName) {
        this.wmiName = wmiName;
        this.takesValueName = takesValueName;
    }

    /** The WMI method name, e.g. {@code GetDWORDValue}. */
    public String wmiName() {
        return wmiName;
    }

    /** True if the method has an {@code sValueName} in-parameter. */
    public boolean takesValueName() {
        return takesValueName;
    }

    public static java.util.Optional<RegMethod> byWmiName(String name) {
        for (RegMethod m : values()) {
            if (m.wmiName.equalsIgnoreCase(name)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
