package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;

class PemTest {

    private final CertificateAuthority ca = CertificateAuthority.generate("spindle");
    private final CertifiedKey admin = ca.issueClient(Role.ADMIN, "admin");

    @Test
    void certificatesAndKeysRoundTrip() {
        String certPem = admin.certificatePem();
        String keyPem = admin.privateKeyPem();
        assertThat(certPem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Pem.decodeCertificate(certPem)).isEqualTo(admin.certificate());
        assertThat(Pem.decodePrivateKey(keyPem).getEncoded()).isEqualTo(admin.privateKey().getEncoded());
    }

    @Test
    void bundlesDecodeInOrder() {
        String bundle = Pem.encodeCertificates(List.of(ca.certificate(), admin.certificate()));
        assertThat(Pem.decodeCertificates(bundle)).containsExactly(ca.certificate(), admin.certificate());
        assertThatThrownBy(() -> Pem.decodeCertificate(bundle)).hasMessage("expected one PEM certificate, found 2");
    }

    @Test
    void sec1EcPrivateKeysAreAccepted() throws Exception {
        // talosconfig files written by Talos carry ECDSA keys as "EC PRIVATE KEY" (Go's MarshalECPrivateKey,
        // which names the curve inside the SEC1 structure).
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(admin.privateKey().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), pkcs8.getPrivateKeyAlgorithm().getParameters());
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        assertThat(out.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(new CertifiedKey(admin.certificate(), Pem.decodePrivateKey(out.toString())).keyMatchesCertificate())
                .isTrue();
    }

    @Test
    void damagedInputIsRefusedWithoutQuotingIt() {
        String keyPem = admin.privateKeyPem();
        String truncated = keyPem.substring(0, keyPem.length() / 2);
        assertThatThrownBy(() -> Pem.decodePrivateKey(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damaged PEM data")
                .hasMessageNotContaining(truncated.lines().skip(1).findFirst().orElseThrow());
        assertThatThrownBy(() -> Pem.decodePrivateKey("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Pem.decodePrivateKey("hello")).hasMessageContaining("no PEM block found");
        assertThatThrownBy(() -> Pem.decodePrivateKey(admin.certificatePem()))
                .hasMessage("expected a PEM PRIVATE KEY block, found a CERTIFICATE");
        assertThatThrownBy(() -> Pem.decodeCertificate(keyPem))
                .hasMessage("expected PEM CERTIFICATE blocks, found a PRIVATE KEY");
        String altered = admin.certificatePem().replaceFirst("\n[A-Za-z0-9+/]{10}", "\nAAAAAAAAAA");
        assertThatThrownBy(() -> Pem.decodeCertificate(altered)).isInstanceOf(IllegalArgumentException.class);
    }
}
