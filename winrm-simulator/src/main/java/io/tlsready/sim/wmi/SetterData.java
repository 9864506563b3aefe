package io.tlsready.sim.wmi;

import io.tlsready.adapters.winrm.wsman.InvokeResult;
import io.tlsready.adapters.winrm.wsman.RegMethod;
import io.tlsready.adapters.winrm.wsman.WsmanRequest;
import io.tlsready.domain.facts.RegValue;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The value a StdRegProv setter carries: {@code uValue} (uint32, uint64, uint8[]) or {@code sValue} (string[]). */
final class SetterData {

    private SetterData() {
    }

    /** The value, or empty when the in-parameters do not fit the setter (WBEM_E_INVALID_PARAMETER). */
    static Optional<RegValue> value(RegMethod method, WsmanRequest req) {
        switch (method) {
            case SET_DWORD:
            case SET_QWORD: {
                String text = req.invokeParams().get("uValue");
                OptionalLong v = text == null ? OptionalLong.empty()
                        : InvokeResult.parseUnsigned(text, method == RegMethod.SET_DWORD ? 32 : 64);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(method == RegMethod.SET_DWORD ? new RegValue.Dword(v.getAsLong())
                        : new RegValue.Qword(v.getAsLong()));
            }
            case SET_STRING:
            case SET_EXPANDED_STRING: {
                String text = req.invokeParams().get("sValue");
                return text == null ? Optional.empty()
                        : Optional.of(new RegValue.Str(text, method == RegMethod.SET_EXPANDED_STRING));
            }
            case SET_MULTI_STRING:
                return Optional.of(new RegValue.MultiStr(req.invokeParamValues("sValue")));
            case SET_BINARY: {
                List<String> bytes = req.invokeParamValues("uValue");
                byte[] data = new byte[bytes.size()];
                for (int i = 0; i < data.length; i++) {
                    OptionalLong b = InvokeResult.parseUnsigned(bytes.get(i), 8);
                    if (b.isEmpty()) {
                        return Optional.empty();
                    }
                    data[i] = (byte) b.getAsLong();
                }
                return Optional.of(new RegValue.Raw(3, data));
            }
            default:
                return Optional.empty();
        }
    }
}
