package io.tlsready.adapters.windows.offline.kbtext;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of {@code systeminfo} in the display languages met so far: its labels (normalized by
 * {@link #normalizeLabel}) and the OS Configuration keywords that tell a domain controller, a server and a
 * workstation apart. A new language is added here.
 */
final class SystemInfoLabels {

    /* Labels, normalized by normalizeLabel: lower case, accents and non-letters removed. */
    static final Set<String> HOST = Set.of("hostname", "nomdelhote", "nomehost", "nombredehost", "имяузла",
            "主机名", "nomedohost", "nazwahosta", "hostnaam", "ホスト名", "호스트이름");
    static final Set<String> OS_NAME = Set.of("osname", "betriebssystemname", "nomdusystemedexploitation",
            "nomeso", "nombredelsistemaoperativo", "названиеос", "os名称", "nomedosistemaoperacional",
            "nazwasystemuoperacyjnego", "naamvanbesturingssysteem", "os名", "os이름");
    static final Set<String> OS_VERSION = Set.of("osversion", "betriebssystemversion", "versiondusysteme",
            "versioneso", "versiondelsistemaoperativo", "версияос", "os版本", "versaodosistemaoperacional",
            "wersjasystemuoperacyjnego", "osバージョン", "os버전");
    static final Set<String> OS_CONFIG = Set.of("osconfiguration", "betriebssystemkonfiguration",
            "configurationdusystemedexploitation", "configurazioneso", "configuraciondelsistemaoperativo",
            "параметрыос", "os配置", "configuracaodosistemaoperacional", "konfiguracjasystemuoperacyjnego",
            "os構成", "os구성");
    static final Set<String> SYSTEM_TYPE = Set.of("systemtype", "systemtyp", "typedusysteme", "tiposistema",
            "tipodesistema", "типсистемы", "系统类型", "tipodosistema", "typsystemu", "システムの種類", "시스템종류");
    static final Set<String> HOTFIX = Set.of("hotfixs", "hotfixes", "hotfixe", "correctifs",
            "aggiornamentirapidi", "revisiones", "исправлениея", "修补程序", "poprawki", "修正プログラム", "핫픽스");
    /** Further labels, only to help the decoder recognise a code page. */
    static final Set<String> OTHER = Set.of("osmanufacturer", "betriebssystemhersteller",
            "fabricantdusystemedexploitation", "produttoreso", "fabricantedelsistemaoperativo", "изготовительос",
            "os制造商", "registeredowner", "registrierterbenutzer", "proprietaireenregistre", "proprietarioregistrato",
            "propiedadde", "зарегистрированныйвладелец", "注册的所有人", "networkcards", "netzwerkkarten",
            "cartesreseau", "schedidirete", "tarjetasdered", "сетевыеадаптеры", "网卡", "timezone", "zeitzone",
            "fuseauhoraire", "fusoorario", "zonahoraria", "часовойпояс", "时区", "domain", "domane", "domaine",
            "dominio", "домен", "域", "processors", "prozessoren", "processeurs", "processore", "procesadores",
            "процессоры", "处理器", "systemdirectory", "repertoiresysteme", "systemverzeichnis", "системнаяпапка",
            "系统目录", "directoriodesistema", "directorydisistema");

    /* OS Configuration keywords (normalized text, accents removed), most specific first. */
    static final List<String> DC_WORDS = List.of("domain controller", "domanencontroller",
            "controleur de domaine", "controller di dominio", "controlador de dominio", "domeincontroller",
            "kontroler domeny", "контроллер домена", "域控制器", "ドメインコントローラー", "도메인컨트롤러");
    static final List<String> WORKSTATION_WORDS = List.of("workstation", "arbeitsstation",
            "station de travail", "estacion de trabajo", "estacao de trabalho", "werkstation", "stacja robocza",
            "рабочая станция", "工作站", "ワークステーション", "워크스테이션");
    static final List<String> SERVER_WORDS = List.of("server", "serveur", "servidor", "serwer", "сервер",
            "服务器", "サーバー", "서버");

    private SystemInfoLabels() {
    }

    static boolean isKnownLabel(String norm) {
        return HOST.contains(norm) || OS_NAME.contains(norm) || OS_VERSION.contains(norm) || OS_CONFIG.contains(norm)
                || SYSTEM_TYPE.contains(norm) || HOTFIX.contains(norm) || OTHER.contains(norm);
    }

    /** "Nom du système d'exploitation" -> "nomdusystemedexploitation"; keeps letters of any script. */
    static String normalizeLabel(String label) {
        String nfd = Normalizer.normalize(label, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Lower case, accents removed, whitespace collapsed: for keyword tests on values. */
    static String normalizeValue(String value) {
        String nfd = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return nfd.toLowerCase(Locale.ROOT).replace('\u00A0', ' ').replaceAll("[\\s\\-]+", " ").trim();
    }

    static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
