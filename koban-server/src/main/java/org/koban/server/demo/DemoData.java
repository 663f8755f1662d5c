package org.koban.server.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.koban.server.access.Role;

/**
 * The demo manufacturer: three factories in three countries, seven production lines, thirty-three
 * products (devices with firmware, and software) with versions across the lifecycle. Fictitious names.
 */
final class DemoData {

    static final String VENDOR = "koban_demo";
    static final String PASSWORD = "koban-demo-password";
    /** The demo's outside participant: a person of JPCERT/CC (demo) with a portal account. */
    static final String COORDINATOR_EMAIL = "coordinator@jpcert.example";

    record Site(String code, String name, String country, String city, String description) {}

    record Line(String site, String code, String name, String description) {}

    record Person(String email, String name, Role role, List<String> lines) {}

    /** A product: {@code kind} 'o' (device firmware) or 'a' (software), its family, and its versions. */
    record Product(
            String line,
            String family,
            String code,
            String name,
            char kind,
            String description,
            List<String> versions) {}

    static final List<Site> SITES = List.of(
            new Site("TW-HSC", "Hsinchu Factory", "TW", "Hsinchu", "Network equipment: gateways and switches."),
            new Site("JP-NGO", "Nagoya Plant", "JP", "Nagoya", "Automotive electronics: ECUs, telematics, cameras."),
            new Site("DE-STR", "Stuttgart Plant", "DE", "Stuttgart", "Industrial automation: PLCs and HMI panels."));

    static final List<Line> LINES = List.of(
            new Line("TW-HSC", "TW-HSC-GW", "Industrial gateways", "SMT line 1 and final assembly of IGW gateways."),
            new Line("TW-HSC", "TW-HSC-SW", "Managed switches", "Managed Ethernet switches, including rugged models."),
            new Line(
                    "JP-NGO",
                    "JP-NGO-ECU",
                    "Engine control units",
                    "ECU hardware and firmware for combustion and hybrid engines."),
            new Line("JP-NGO", "JP-NGO-TCU", "Telematics control units", "TCUs and their cloud connector software."),
            new Line("JP-NGO", "JP-NGO-CAM", "ADAS cameras", "Front, surround and rear cameras."),
            new Line(
                    "DE-STR",
                    "DE-STR-PLC",
                    "Programmable logic controllers",
                    "KPLC controllers, remote I/O and PLC Studio."),
            new Line("DE-STR", "DE-STR-HMI", "HMI panels", "Operator panels and the HMI runtime."));

    static final List<Person> PEOPLE = List.of(
            new Person("admin@demo.koban.local", "Aiko Admin", Role.ADMIN, List.of()),
            new Person("manager@demo.koban.local", "Mei Lin (PSIRT manager)", Role.PSIRT_MANAGER, List.of()),
            new Person("analyst@demo.koban.local", "Arjun Rao (PSIRT analyst)", Role.PSIRT_ANALYST, List.of()),
            new Person(
                    "gateway.engineer@demo.koban.local",
                    "Chen Wei (gateway line)",
                    Role.LINE_ENGINEER,
                    List.of("TW-HSC-GW")),
            new Person(
                    "ecu.engineer@demo.koban.local",
                    "Sato Haruto (ECU and TCU lines)",
                    Role.LINE_ENGINEER,
                    List.of("JP-NGO-ECU", "JP-NGO-TCU")),
            new Person(
                    "plc.engineer@demo.koban.local",
                    "Lena Vogel (PLC line)",
                    Role.LINE_ENGINEER,
                    List.of("DE-STR-PLC")),
            new Person(
                    "viewer@demo.koban.local",
                    "Viktor Braun (viewer, Stuttgart)",
                    Role.VIEWER,
                    List.of("DE-STR-PLC", "DE-STR-HMI")));

    static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("IGW", "IGW industrial gateway series");
        FAMILIES.put("MSW", "MSW managed switch series");
        FAMILIES.put("ECU-A", "ECU-A engine control series");
        FAMILIES.put("TCU", "TCU telematics series");
        FAMILIES.put("CAM", "CAM ADAS camera series");
        FAMILIES.put("KPLC", "KPLC controller series");
        FAMILIES.put("HMI", "HMI panel series");
    }

    static final List<Product> PRODUCTS = List.of(
            new Product(
                    "TW-HSC-GW",
                    "IGW",
                    "IGW-500",
                    "IGW-500 Mini gateway",
                    'o',
                    "Compact Modbus/MQTT gateway.",
                    List.of("1.4.2", "2.0.1")),
            new Product(
                    "TW-HSC-GW",
                    "IGW",
                    "IGW-1000",
                    "IGW-1000 industrial gateway",
                    'o',
                    "DIN-rail gateway with two Ethernet ports.",
                    List.of("1.8.0", "2.1.0", "2.2.3", "3.0.0-beta1")),
            new Product(
                    "TW-HSC-GW",
                    "IGW",
                    "IGW-2000",
                    "IGW-2000 industrial gateway",
                    'o',
                    "Gateway with serial and CAN interfaces.",
                    List.of("2.1.0", "2.2.3")),
            new Product(
                    "TW-HSC-GW",
                    "IGW",
                    "IGW-3000-LTE",
                    "IGW-3000 LTE gateway",
                    'o',
                    "Cellular gateway with VPN.",
                    List.of("1.0.5", "1.1.0", "1.2.0")),
            new Product(
                    "TW-HSC-GW",
                    "",
                    "IGW-CONFIG",
                    "IGW Configurator",
                    'a',
                    "Windows tool to configure IGW gateways.",
                    List.of("4.2.0", "5.0.1")),
            new Product(
                    "TW-HSC-SW",
                    "MSW",
                    "MSW-8",
                    "MSW-8 managed switch",
                    'o',
                    "8-port managed switch.",
                    List.of("3.1.0", "3.2.4")),
            new Product(
                    "TW-HSC-SW",
                    "MSW",
                    "MSW-16P",
                    "MSW-16P PoE switch",
                    'o',
                    "16-port PoE+ managed switch.",
                    List.of("3.1.0", "3.2.4", "4.0.0")),
            new Product(
                    "TW-HSC-SW",
                    "MSW",
                    "MSW-24G",
                    "MSW-24G gigabit switch",
                    'o',
                    "24-port gigabit switch.",
                    List.of("3.2.4", "4.0.0")),
            new Product(
                    "TW-HSC-SW",
                    "MSW",
                    "MSW-48X",
                    "MSW-48X 10G switch",
                    'o',
                    "48-port 10-gigabit aggregation switch.",
                    List.of("4.0.0", "4.1.0")),
            new Product(
                    "TW-HSC-SW",
                    "MSW",
                    "MSW-8R",
                    "MSW-8R rugged switch",
                    'o',
                    "Rugged switch for rail and substations.",
                    List.of("2.9.1", "3.2.4")),
            new Product(
                    "TW-HSC-SW",
                    "",
                    "MSW-SDK",
                    "Switch firmware SDK",
                    'a',
                    "SDK for partners building switch applications.",
                    List.of("1.0.0", "1.1.0")),
            new Product(
                    "JP-NGO-ECU",
                    "ECU-A",
                    "ECU-A100",
                    "ECU-A100 engine control unit",
                    'o',
                    "ECU for 4-cylinder engines.",
                    List.of("5.0.0", "5.1.2", "6.0.0")),
            new Product(
                    "JP-NGO-ECU",
                    "ECU-A",
                    "ECU-A200",
                    "ECU-A200 engine control unit",
                    'o',
                    "ECU for 6-cylinder engines.",
                    List.of("5.1.2", "6.0.0")),
            new Product(
                    "JP-NGO-ECU",
                    "ECU-A",
                    "ECU-A300H",
                    "ECU-A300 hybrid control unit",
                    'o',
                    "Hybrid powertrain controller.",
                    List.of("1.0.0", "1.1.0", "2.0.0-rc1")),
            new Product(
                    "JP-NGO-ECU",
                    "",
                    "ECU-B10",
                    "ECU-B10 diesel control unit",
                    'o',
                    "Diesel engine controller.",
                    List.of("2.3.0", "2.4.1")),
            new Product(
                    "JP-NGO-ECU",
                    "",
                    "ECU-FLASH",
                    "ECU Flasher",
                    'a',
                    "Workshop software to update ECU firmware.",
                    List.of("3.0.2", "3.1.0")),
            new Product(
                    "JP-NGO-TCU",
                    "TCU",
                    "TCU-4G",
                    "TCU-4G telematics unit",
                    'o',
                    "LTE telematics control unit.",
                    List.of("7.2.0", "7.3.1")),
            new Product(
                    "JP-NGO-TCU",
                    "TCU",
                    "TCU-5G",
                    "TCU-5G telematics unit",
                    'o',
                    "5G telematics control unit.",
                    List.of("1.0.0", "1.2.0", "1.3.0")),
            new Product(
                    "JP-NGO-TCU",
                    "TCU",
                    "TCU-5G-V2X",
                    "TCU-5G V2X telematics unit",
                    'o',
                    "5G unit with C-V2X.",
                    List.of("0.9.0", "1.0.0")),
            new Product(
                    "JP-NGO-TCU",
                    "",
                    "TCU-CLOUD",
                    "TCU Cloud Connector",
                    'a',
                    "Back-end connector between TCUs and the fleet cloud.",
                    List.of("2.4.0", "2.5.3")),
            new Product(
                    "JP-NGO-TCU",
                    "",
                    "TCU-OTA",
                    "TCU OTA agent",
                    'a',
                    "Over-the-air update agent running on TCUs.",
                    List.of("1.6.0", "1.7.2")),
            new Product(
                    "JP-NGO-CAM",
                    "CAM",
                    "CAM-F1",
                    "CAM-F1 front camera",
                    'o',
                    "Front camera for lane keeping and emergency braking.",
                    List.of("3.0.0", "3.1.1")),
            new Product(
                    "JP-NGO-CAM",
                    "CAM",
                    "CAM-S2",
                    "CAM-S2 surround camera",
                    'o',
                    "Surround-view camera module.",
                    List.of("2.2.0", "2.3.0")),
            new Product(
                    "JP-NGO-CAM",
                    "CAM",
                    "CAM-R1",
                    "CAM-R1 rear camera",
                    'o',
                    "Rear-view camera.",
                    List.of("1.5.0", "1.6.0")),
            new Product(
                    "DE-STR-PLC",
                    "KPLC",
                    "KPLC-100",
                    "KPLC-100 compact controller",
                    'o',
                    "Compact PLC for machine control.",
                    List.of("4.4.0", "4.5.2", "5.0.0")),
            new Product(
                    "DE-STR-PLC",
                    "KPLC",
                    "KPLC-200",
                    "KPLC-200 modular controller",
                    'o',
                    "Modular PLC with up to 32 I/O modules.",
                    List.of("4.5.2", "5.0.0")),
            new Product(
                    "DE-STR-PLC",
                    "KPLC",
                    "KPLC-300F",
                    "KPLC-300F safety controller",
                    'o',
                    "SIL 3 safety PLC.",
                    List.of("2.0.0", "2.1.0")),
            new Product(
                    "DE-STR-PLC",
                    "KPLC",
                    "KPLC-IO",
                    "KPLC remote I/O",
                    'o',
                    "PROFINET remote I/O station.",
                    List.of("1.3.0", "1.4.0")),
            new Product(
                    "DE-STR-PLC",
                    "",
                    "PLC-STUDIO",
                    "KPLC Studio",
                    'a',
                    "Engineering software for KPLC controllers.",
                    List.of("11.0.0", "11.2.1", "12.0.0")),
            new Product(
                    "DE-STR-HMI",
                    "HMI",
                    "HMI-7",
                    "HMI-7 operator panel",
                    'o',
                    "7-inch operator panel.",
                    List.of("6.0.1", "6.1.0")),
            new Product(
                    "DE-STR-HMI",
                    "HMI",
                    "HMI-10",
                    "HMI-10 operator panel",
                    'o',
                    "10-inch operator panel.",
                    List.of("6.0.1", "6.1.0", "7.0.0")),
            new Product(
                    "DE-STR-HMI",
                    "HMI",
                    "HMI-15",
                    "HMI-15 operator panel",
                    'o',
                    "15-inch operator panel.",
                    List.of("6.1.0", "7.0.0")),
            new Product(
                    "DE-STR-HMI",
                    "",
                    "HMI-RUNTIME",
                    "HMI Runtime",
                    'a',
                    "Visualisation runtime for PCs and panels.",
                    List.of("3.4.0", "3.5.0")));

    private DemoData() {}

    /** The catalogue in Koban's import format: oldest versions out of support, newest in development or on market. */
    static Map<String, Object> catalogue(LocalDate today) {
        List<Map<String, Object>> families = new ArrayList<>();
        FAMILIES.forEach((code, name) -> families.add(Map.of("code", code, "name", name, "description", "")));
        List<Map<String, Object>> products = new ArrayList<>();
        for (Product p : PRODUCTS) {
            List<Map<String, Object>> versions = new ArrayList<>();
            int count = p.versions().size();
            for (int i = 0; i < count; i++) {
                String version = p.versions().get(i);
                boolean prerelease = version.contains("-");
                boolean oldest = i == 0 && count >= 3;
                LocalDate released = today.minusMonths((long) (count - i) * 14);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("version", version);
                v.put("releaseDate", prerelease ? null : released.toString());
                v.put("lifecycle", prerelease ? "IN_DEVELOPMENT" : oldest ? "END_OF_SUPPORT" : "ON_MARKET");
                v.put("endOfSupportDate", oldest ? today.minusMonths(3).toString() : null);
                v.put("cpe", cpe(p, version));
                v.put("purl", purl(p, version));
                v.put(
                        "modelNumbers",
                        p.kind() == 'o' ? List.of(p.code() + "-EU", p.code() + "-US", p.code() + "-JP") : List.of());
                versions.add(v);
            }
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("code", p.code());
            product.put("name", p.name());
            product.put("line", p.line());
            product.put("family", p.family().isEmpty() ? null : p.family());
            product.put("description", p.description());
            product.put("versions", versions);
            products.add(product);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "koban-catalog");
        document.put("formatVersion", 1);
        document.put("families", families);
        document.put("products", products);
        return document;
    }

    static Set<String> lineCodes() {
        return Set.copyOf(LINES.stream().map(Line::code).toList());
    }

    private static String cpe(Product p, String version) {
        String product = p.code().toLowerCase(Locale.ROOT).replace('-', '_');
        return "cpe:2.3:" + p.kind() + ":" + VENDOR + ":" + product + (p.kind() == 'o' ? "_firmware" : "") + ":"
                + version + ":*:*:*:*:*:*:*";
    }

    private static String purl(Product p, String version) {
        String name = p.code().toLowerCase(Locale.ROOT) + (p.kind() == 'o' ? "-firmware" : "");
        return "pkg:generic/koban-demo/" + name + "@" + version;
    }
}
