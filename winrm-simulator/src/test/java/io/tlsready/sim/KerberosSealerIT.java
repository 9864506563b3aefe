package io.tlsready.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsready.adapters.winrm.encryption.EncryptedBodyException;
import io.tlsready.adapters.winrm.encryption.WinRmEncryption;
import io.tlsready.adapters.winrm.kerberos.KerberosInitiator;
import io.tlsready.adapters.winrm.kerberos.KerberosLogin;
import io.tlsready.adapters.winrm.ntlm.NtlmSession;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * WinRM Kerberos message encryption between our JGSS initiator (password login against the test realm's real MIT
 * KDC) and the simulator's keytab acceptor: the wire shape Windows and MIT gss_wrap_iov produce (60-byte header
 * for AES-SHA1 with RRC 28, data as long as the plaintext), both directions, and tampering refused.
 */
@Timeout(60)
class KerberosSealerIT {

    private static KerberosTestRealm realm;
    private static KerberosAcceptor acceptor;
    private static Subject subject;

    @BeforeAll
    static void realm() {
        realm = KerberosRealmSupport.sharedRealm();
        acceptor = KerberosAcceptor.fromKeytab(realm.keytab());
        subject = KerberosLogin.login(realm.principal(), realm.password(), new KerberosLogin.Settings(
                Optional.of(realm.krb5Conf()), Optional.empty(), Optional.empty()));
    }

    private record Pair(WinRmEncryption client, WinRmEncryption server, KerberosInitiator initiator,
            KerberosAcceptor.Accepted accepted) {
    }

    private static Pair establish() {
        KerberosInitiator initiator = KerberosInitiator.forHost(subject, KerberosTestRealm.SERVICE_HOST, true);
        KerberosAcceptor.Accepted accepted = acceptor.accept(initiator.firstToken()).orElseThrow();
        assertThat(accepted.client()).isEqualTo(realm.principal());
        assertThat(initiator.established()).as("mutual authentication waits for the AP-REP").isFalse();
        initiator.complete(accepted.reply());
        assertThat(initiator.established()).isTrue();
        return new Pair(WinRmEncryption.using(initiator.sealer()), WinRmEncryption.using(accepted.sealer()),
                initiator, accepted);
    }

    @Test
    void the_keytab_names_the_service_principal() {
        assertThat(acceptor.principals()).containsExactly("HTTP/localhost@" + KerberosTestRealm.REALM);
    }

    @Test
    void the_header_is_the_rotated_rfc4121_token_header_and_the_data_as_long_as_the_plaintext() {
        Pair p = establish();
        byte[] soap = "<s:Envelope>héllo wörld</s:Envelope>".getBytes(StandardCharsets.UTF_8);
        NtlmSession.Sealed sealed = p.initiator().sealer().seal(soap);
        byte[] header = sealed.signature();
        assertThat(header).hasSize(60);
        assertThat(header[0]).isEqualTo((byte) 0x05);
        assertThat(header[1]).isEqualTo((byte) 0x04);
        assertThat(header[2] & 0x02).as("sealed flag").isEqualTo(0x02);
        assertThat(((header[4] & 0xFF) << 8) | (header[5] & 0xFF)).as("EC").isZero();
        assertThat(((header[6] & 0xFF) << 8) | (header[7] & 0xFF)).as("RRC").isEqualTo(28);
        assertThat(sealed.message()).hasSize(soap.length);
        assertThat(new String(sealed.message(), StandardCharsets.ISO_8859_1)).doesNotContain("Envelope");
        assertThat(p.accepted().sealer().unseal(header, sealed.message())).isEqualTo(soap);
    }

    @Test
    void both_directions_round_trip_through_the_multipart_framing() {
        Pair p = establish();
        for (int i = 0; i < 3; i++) {
            byte[] request = ("<request n='" + i + "'/>").repeat(50 * i + 1).getBytes(StandardCharsets.UTF_8);
            byte[] body = p.client().wrap(request);
            String text = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("--Encrypted Boundary\r\n\tContent-Type: "
                    + "application/HTTP-Kerberos-session-encrypted\r\n\tOriginalContent: "
                    + "type=application/soap+xml;charset=UTF-8;Length=" + request.length + "\r\n");
            assertThat(text).endsWith("--Encrypted Boundary--\r\n");
            assertThat(p.server().unwrap(body)).isEqualTo(request);
            byte[] reply = ("<reply n='" + i + "'/>").getBytes(StandardCharsets.UTF_8);
            assertThat(p.client().unwrap(p.server().wrap(reply))).isEqualTo(reply);
        }
        assertThat(p.client().contentType()).isEqualTo(WinRmEncryption.KERBEROS_CONTENT_TYPE);
    }

    @Test
    void a_flipped_bit_or_a_replay_or_another_context_is_refused() {
        Pair p = establish();
        byte[] body = p.client().wrap("<x/>".getBytes(StandardCharsets.UTF_8));
        byte[] flipped = body.clone();
        flipped[flipped.length - "--Encrypted Boundary--\r\n".length() - 1] ^= 1;
        assertThatThrownBy(() -> p.server().unwrap(flipped)).isInstanceOf(EncryptedBodyException.class)
                .hasMessageContaining("does not decrypt or verify");
        assertThat(p.server().unwrap(body)).isEqualTo("<x/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> p.server().unwrap(body)).isInstanceOf(EncryptedBodyException.class);
        Pair other = establish();
        byte[] foreign = other.client().wrap("<y/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> p.server().unwrap(foreign)).isInstanceOf(EncryptedBodyException.class);
        assertThat(Arrays.equals(body, foreign)).isFalse();
    }
}
