package io.tlsready.adapters.winrm.wsman;

/**
 * The StdRegProv methods used (MOF: https://learn.microsoft.com/previous-versions/windows/desktop/regprov/stdregprov):
 * the readers the audit uses and the writers {@code fix} and {@code rollback} use. Out parameters of the readers,
 * and in-parameters of the setters: {@code uValue} (uint32/uint64, or uint8[] for binary), {@code sValue} (string
 * or string[]); EnumValues returns {@code sNames}/{@code Types} (string[]/sint32[]).
 */
public enum RegMethod {
    GET_DWORD("GetDWORDValue", true),
    GET_QWORD("GetQWORDValue", true),
    GET_STRING("GetStringValue", true),
    GET_EXPANDED_STRING("GetExpandedStringValue", true),
    GET_MULTI_STRING("GetMultiStringValue", true),
    GET_BINARY("GetBinaryValue", true),
    ENUM_KEY("EnumKey", false),
    ENUM_VALUES("EnumValues", false),
    CREATE_KEY("CreateKey", false),
    SET_DWORD("SetDWORDValue", true),
    SET_QWORD("SetQWORDValue", true),
    SET_STRING("SetStringValue", true),
    SET_EXPANDED_STRING("SetExpandedStringValue", true),
    SET_MULTI_STRING("SetMultiStringValue", true),
    SET_BINARY("SetBinaryValue", true),
    DELETE_VALUE("DeleteValue", true),
    DELETE_KEY("DeleteKey", false);

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

    /** True for the methods that change the registry (CreateKey, Set…Value, DeleteValue, DeleteKey). */
    public boolean writes() {
        return ordinal() >= CREATE_KEY.ordinal();
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
