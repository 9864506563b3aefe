package io.tlsready.adapters.windows.offline.kbtext;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsready.domain.facts.WindowsVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemInfoTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "6.0.6003 Service Pack 2 Build 6003    | 2",
        "6.1.7601 Service Pack 1 Build 7601    | 1",
        "6.1.7601 Service Pack 1 version 7601  | 1",
        "6.1.7601 Service Pack 1               | 1",
        "6.1.7601 Service Pack 1 сборка 7601   | 1",
        "10.0.17763 N/D Compilación 17763      | 0",
        "10.0.19045 N/A Build 19045            | 0",
        "6.3.9600 Н/Д построение 9600          | 0",
        "5.1.2600 Build 2600                   | 0",
        "5.2.3790 Service Pack 2 Build 3790    | 2",
    })
    void service_pack_in_any_language(String value, int sp) {
        WindowsVersion v = WindowsVersion.find(value).orElseThrow();
        assertThat(SystemInfoText.servicePack(value, v)).isEqualTo(sp);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nom du système d'exploitation | nomdusystemedexploitation",
        "Hotfix(es)                    | hotfixes",
        "Название ОС                   | названиеос",
        "OS 名称                        | os名称",
    })
    void labels_normalize_across_accents_and_punctuation(String label, String norm) {
        assertThat(SystemInfoLabels.normalizeLabel(label)).isEqualTo(norm);
        assertThat(SystemInfoLabels.isKnownLabel(norm)).isTrue();
    }
}
