package io.tlsready.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.RemoteTarget.Auth;
import io.tlsready.domain.port.RemoteTarget.Transport;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(InventoryTest.class.getResource("/inventory/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static InventoryHost host(Inventory inv, String name) {
        return inv.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    // ---- one host per line -------------------------------------------------------------------------------

    @Test
    void a_host_list_gives_names_ports_and_ipv6_and_skips_comments_and_blanks() {
        Inventory inv = Inventory.read(fixture("hosts.txt"));
        assertThat(inv.format()).isEqualTo(Inventory.Format.HOST_LIST);
        assertThat(inv.hosts()).extracting(InventoryHost::address)
                .containsExactly("mabs01.contoso.com", "mabs02.contoso.com", "10.0.0.7", "fe80::1%eth0", "2001:db8::20");
        assertThat(host(inv, "mabs02.contoso.com").port()).isEqualTo(OptionalInt.of(5985));
        assertThat(host(inv, "mabs01.contoso.com").port()).isEmpty();
        assertThat(host(inv, "fe80::1%eth0").port()).isEqualTo(OptionalInt.of(5986));
        assertThat(host(inv, "mabs02.contoso.com").origin()).endsWith("hosts.txt:3");
        assertThat(inv.warnings()).isEmpty();
    }

    @Test
    void a_bad_port_names_file_and_line() {
        assertThatThrownBy(() -> Inventory.read(fixture("bad-port.txt")))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("bad-port.txt:3")
                .hasMessageContaining("1..65535");
    }

    @Test
    void two_words_on_a_line_are_refused_with_a_hint() throws Exception {
        Path p = write("list.txt", "srv1\nsrv2 srv3\n");
        assertThatThrownBy(() -> Inventory.read(p)).hasMessageContaining("list.txt:2").hasMessageContaining("one host per line");
    }

    @Test
    void utf16_with_bom_as_written_by_powershell_out_file_is_read() throws Exception {
        Path p = tmp.resolve("ps.txt");
        byte[] body = "srv1\r\nsrv2:5985\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xff;
        all[1] = (byte) 0xfe;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(p, all);
        assertThat(Inventory.read(p).hosts()).extracting(InventoryHost::address).containsExactly("srv1", "srv2");
    }

    @Test
    void yaml_inventories_are_refused_clearly() throws Exception {
        Path p = write("inv.yml", "all:\n  hosts:\n    srv1:\n");
        assertThatThrownBy(() -> Inventory.read(p)).hasMessageContaining("YAML inventories are not supported");
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> Inventory.read(tmp.resolve("nope.txt"))).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("nope.txt").hasMessageContaining("no such file");
    }

    // ---- CSV ---------------------------------------------------------------------------------------------

    @Test
    void csv_columns_in_any_order_case_insensitive_with_quotes_and_empty_cells() {
        Inventory inv = Inventory.read(fixture("hosts.csv"));
        assertThat(inv.format()).isEqualTo(Inventory.Format.CSV);
        assertThat(inv.hosts()).hasSize(4);
        InventoryHost plain = host(inv, "mabs01.contoso.com");
        assertThat(plain.port()).isEmpty();
        assertThat(plain.transport()).isEmpty();
        assertThat(plain.user()).isEmpty();
        InventoryHost legacy = host(inv, "mabs02.contoso.com");
        assertThat(legacy.user()).contains("CONTOSO\\svc-audit");
        assertThat(legacy.port()).isEqualTo(OptionalInt.of(5985));
        assertThat(legacy.transport()).contains(Transport.HTTP);
        assertThat(legacy.auth()).contains(Auth.NTLM);
        assertThat(host(inv, "dpm01").auth()).contains(Auth.KERBEROS);
        assertThat(host(inv, "dpm01").transport()).contains(Transport.HTTPS);
        InventoryHost v6 = host(inv, "2001:db8::20");
        assertThat(v6.port()).isEqualTo(OptionalInt.of(5986));
        assertThat(v6.auth()).contains(Auth.BASIC);
        assertThat(v6.origin()).endsWith("hosts.csv:5");
        assertThat(inv.warnings()).singleElement().asString().contains("column 'Owner' ignored");
    }

    @Test
    void a_csv_row_with_the_wrong_number_of_fields_names_file_and_line() {
        assertThatThrownBy(() -> Inventory.read(fixture("bad-row.csv"))).hasMessageContaining("bad-row.csv:3")
                .hasMessageContaining("expected 2 fields");
    }

    @Test
    void csv_needs_a_host_column_and_valid_values() throws Exception {
        assertThatThrownBy(() -> Inventory.read(write("a.csv", "name,port\nx,1\n"))).hasMessageContaining("a.csv:1")
                .hasMessageContaining("'host' column");
        assertThatThrownBy(() -> Inventory.read(write("b.csv", "host,auth\nx,digest\n"))).hasMessageContaining("b.csv:2")
                .hasMessageContaining("basic, ntlm or kerberos");
        assertThatThrownBy(() -> Inventory.read(write("c.csv", "host,user\n\"x,y\n"))).hasMessageContaining("c.csv:2")
                .hasMessageContaining("unterminated");
    }

    @Test
    void a_password_column_is_never_read_and_says_so() throws Exception {
        Inventory inv = Inventory.read(write("p.csv", "host,password\nsrv1,Secr3t!\n"));
        assertThat(inv.warnings()).singleElement().asString().contains("passwords come only from");
        assertThat(inv.toString()).doesNotContain("Secr3t!");
    }

    // ---- Ansible INI -------------------------------------------------------------------------------------

    @Test
    void ansible_groups_children_vars_ranges_and_duplicates() {
        Inventory inv = Inventory.read(fixture("hosts.ini"));
        assertThat(inv.format()).isEqualTo(Inventory.Format.ANSIBLE_INI);
        assertThat(inv.hosts()).extracting(InventoryHost::name).containsExactly("mabs01.contoso.com",
                "mabs02.contoso.com", "mabs03.contoso.com", "mabs-legacy", "dpm-a.contoso.com", "dpm-b.contoso.com");

        InventoryHost mabs01 = host(inv, "mabs01.contoso.com");
        assertThat(mabs01.port()).isEqualTo(OptionalInt.of(5986)); // [all:vars]
        assertThat(mabs01.transport()).contains(Transport.HTTPS); // [backup:vars] via [backup:children]
        assertThat(mabs01.auth()).contains(Auth.NTLM);
        assertThat(mabs01.user()).contains("CONTOSO\\auditor");
        assertThat(mabs01.certValidationIgnored()).isTrue();

        InventoryHost legacy = host(inv, "mabs-legacy");
        assertThat(legacy.address()).isEqualTo("10.0.0.50");
        assertThat(legacy.port()).isEqualTo(OptionalInt.of(5985)); // the host line wins over [all:vars]
        assertThat(legacy.user()).contains("CONTOSO\\legacy audit");

        assertThat(host(inv, "dpm-b.contoso.com").auth()).contains(Auth.KERBEROS);
        assertThat(host(inv, "mabs02.contoso.com").origin()).endsWith("hosts.ini:5");
    }

    @Test
    void ansible_warnings_for_non_winrm_hosts_and_passwords_in_the_file() {
        Inventory inv = Inventory.read(fixture("hosts.ini"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("jump01.contoso.com skipped")
                .contains("ansible_connection=ssh"));
        assertThat(inv.warnings()).anySatisfy(w -> assertThat(w).contains("ansible_password ignored"));
        assertThat(String.join("\n", inv.warnings())).doesNotContain("hunter2");
    }

    @Test
    void an_unsupported_winrm_transport_names_file_and_line() {
        assertThatThrownBy(() -> Inventory.read(fixture("bad-transport.ini"))).hasMessageContaining("bad-transport.ini:2")
                .hasMessageContaining("credssp");
    }

    @Test
    void ansible_default_scheme_is_http_on_port_5985_like_ansible() throws Exception {
        Inventory inv = Inventory.read(write("i.ini", "[w]\nold ansible_port=5985\nnew ansible_port=5986\n"));
        assertThat(host(inv, "old").transport()).contains(Transport.HTTP);
        assertThat(host(inv, "new").transport()).isEmpty();
    }

    @Test
    void ansible_ranges_with_steps_and_letters_and_ports_in_the_name() throws Exception {
        Inventory inv = Inventory.read(write("r.ini", "[w]\nweb[1:9:4]:5985\ndb-[x:z]\n"));
        assertThat(inv.hosts()).extracting(InventoryHost::name).containsExactly("web1", "web5", "web9", "db-x",
                "db-y", "db-z");
        assertThat(host(inv, "web5").port()).isEqualTo(OptionalInt.of(5985));
    }

    @Test
    void ansible_group_var_precedence_children_over_parents_host_over_all() throws Exception {
        Inventory inv = Inventory.read(write("p.ini", String.join("\n",
                "[leaf]", "h1", "h2 ansible_user=own", "[mid:children]", "leaf", "[mid:vars]", "ansible_user=mid",
                "[leaf:vars]", "ansible_user=leaf", "[all:vars]", "ansible_user=all", "")));
        assertThat(host(inv, "h1").user()).contains("leaf");
        assertThat(host(inv, "h2").user()).contains("own");
    }

    @Test
    void ansible_errors_name_the_line() throws Exception {
        assertThatThrownBy(() -> Inventory.read(write("e1.ini", "[w]\nh1 novalue\n"))).hasMessageContaining("e1.ini:2")
                .hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> Inventory.read(write("e2.ini", "[w:hosts]\nh1\n"))).hasMessageContaining("e2.ini:1");
        assertThatThrownBy(() -> Inventory.read(write("e3.ini", "[w]\nh1 ansible_port=http\n")))
                .hasMessageContaining("e3.ini:2").hasMessageContaining("ansible_port");
        assertThatThrownBy(() -> Inventory.read(write("e4.ini", "[a:children]\nb\n[b:children]\na\n[a]\nh\n")))
                .hasMessageContaining("its own ancestor");
    }

    @Test
    void unknown_ansible_variables_are_ignored_silently() throws Exception {
        Inventory inv = Inventory.read(write("u.ini", "[w]\nh1 ansible_winrm_read_timeout_sec=70 foo=bar\n"));
        assertThat(inv.hosts()).hasSize(1);
        assertThat(inv.warnings()).isEmpty();
    }

    // ---- host syntax -------------------------------------------------------------------------------------

    @Test
    void host_port_parsing() {
        assertThat(HostPort.parse("srv1").value()).contains(new HostPort("srv1", OptionalInt.empty()));
        assertThat(HostPort.parse("srv1:5985").value()).contains(new HostPort("srv1", OptionalInt.of(5985)));
        assertThat(HostPort.parse("[::1]:5986").value()).contains(new HostPort("::1", OptionalInt.of(5986)));
        assertThat(HostPort.parse("[::1]").value()).contains(new HostPort("::1", OptionalInt.empty()));
        assertThat(HostPort.parse("fe80::1").value()).contains(new HostPort("fe80::1", OptionalInt.empty()));
        assertThat(HostPort.parse("srv1:0").value()).isEqualTo(Optional.empty());
        assertThat(HostPort.parse("srv 1").value()).isEmpty();
        assertThat(HostPort.parse("[::1]5986").value()).isEmpty();
        assertThat(HostPort.parse("bad/name").problem()).contains("not a host name");
    }

    // ---- text from a request (the REST API) --------------------------------------------------------------

    @Test
    void text_is_read_in_each_format_by_content_and_lines_are_named_after_the_given_name() {
        Inventory list = Inventory.parse("request", "# fleet\nweb1\n\nweb2:5985\n[::1]:5986\n");
        assertThat(list.format()).isEqualTo(Inventory.Format.HOST_LIST);
        assertThat(list.hosts()).extracting(InventoryHost::name).containsExactly("web1", "web2", "::1");
        assertThat(list.hosts().get(1).origin()).isEqualTo("request:4");
        Inventory csv = Inventory.parse("request", "host,port,transport\nweb1,5985,http\n");
        assertThat(csv.format()).isEqualTo(Inventory.Format.CSV);
        assertThat(csv.hosts().get(0).transport()).contains(Transport.HTTP);
        Inventory ini = Inventory.parse("request", "\uFEFF[web]\nweb1 ansible_port=5985\n");
        assertThat(ini.format()).isEqualTo(Inventory.Format.ANSIBLE_INI);
        assertThat(ini.hosts().get(0).port()).isEqualTo(OptionalInt.of(5985));
    }

    @Test
    void a_bad_line_of_text_names_the_given_name_and_the_line() {
        assertThatThrownBy(() -> Inventory.parse("inventory", "web1\nweb2:99999\n"))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("inventory:2")
                .hasMessageContaining("1..65535");
        assertThatThrownBy(() -> Inventory.parse("inventory", "web1\u0000\n"))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("NUL");
    }
}
