package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final CertificateAuthority ca = CertificateAuthority.generate("spindle");

    @Test
    void caIsSelfSignedEcdsaP256AndValidForTenYears() throws Exception {
        X509Certificate cert = ca.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getBasicConstraints()).isZero();
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(Instant.now(), cert.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(3649), Duration.ofDays(3651));
    }

    @Test
    void serverCertificateChainsToTheCaAndCarriesTheSans() throws Exception {
        ServerNames names = ServerNames.of(List.of("node1", "node1.example.org", "192.0.2.10", "2001:db8::10"));
        CertifiedKey server = ca.issueServer(names);
        X509Certificate cert = server.certificate();

        validatePath(cert);
        assertThat(ca.issued(cert)).isTrue();
        assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=node1");
        assertThat(sans(cert)).containsExactlyInAnyOrder(
                "2:localhost", "2:node1", "2:node1.example.org",
                "7:" + InetAddress.ofLiteral("127.0.0.1").getHostAddress(),
                "7:" + InetAddress.ofLiteral("::1").getHostAddress(),
                "7:" + InetAddress.ofLiteral("192.0.2.10").getHostAddress(),
                "7:" + InetAddress.ofLiteral("2001:db8::10").getHostAddress());
        assertThat(names.coveredBy(cert)).isTrue();
        assertThat(ServerNames.of(List.of("node2")).coveredBy(cert)).isFalse();
        assertThat(ServerNames.of(List.of("10.0.0.1")).coveredBy(cert)).isFalse();
        assertThat(server.keyMatchesCertificate()).isTrue();
        assertThat(Duration.between(Instant.now(), cert.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(364), Duration.ofDays(366));
    }

    @Test
    void clientCertificateCarriesRoleAndName() throws Exception {
        CertifiedKey reader = ca.issueClient(Role.READER, "alice");
        validatePath(reader.certificate());
        assertThat(reader.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(ClientIdentity.fromCertificate(reader.certificate()))
                .isEqualTo(new ClientIdentity(Role.READER, "alice"));
        assertThat(ClientIdentity.fromCertificate(ca.issueClient(Role.ADMIN, "admin").certificate()).role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void firstRecognisedRoleWinsAndForeignOnesAreSkipped() throws Exception {
        X509Certificate cert = TestCertificates.withOrganizations("bob", "os:etcd:backup", "os:reader", "os:admin");
        assertThat(ClientIdentity.fromCertificate(cert)).isEqualTo(new ClientIdentity(Role.READER, "bob"));
    }

    @Test
    void certificateWithoutRoleIsRefusedWithWhatItHas() throws Exception {
        X509Certificate cert = TestCertificates.withOrganizations("carol", "os:etcd:backup");
        assertThatThrownBy(() -> ClientIdentity.fromCertificate(cert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client certificate 'carol' carries no Spindle role: subject O=os:etcd:backup; "
                        + "expected one of os:admin, os:operator, os:reader");
    }

    @Test
    void serialsAreRandom128Bit() {
        Set<java.math.BigInteger> serials = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            var serial = ca.issueClient(Role.READER, "r" + i).certificate().getSerialNumber();
            assertThat(serial.signum()).isPositive();
            assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            serials.add(serial);
        }
        assertThat(serials).hasSize(20);
        // 20 random 128-bit numbers all shorter than 120 bits: probability 2^-160.
        assertThat(serials.stream().mapToInt(java.math.BigInteger::bitLength).max().orElseThrow()).isGreaterThan(120);
    }

    @Test
    void validityIsConfigurableAndNeverOutlivesTheCa() {
        CertificateAuthority shortCa = CertificateAuthority.generate("short", Duration.ofDays(30),
                java.time.Clock.systemUTC());
        CertifiedKey leaf = shortCa.issueClient(Role.ADMIN, "admin", Duration.ofDays(365));
        assertThat(leaf.certificate().getNotAfter()).isEqualTo(shortCa.certificate().getNotAfter());
        CertifiedKey brief = ca.issueClient(Role.ADMIN, "admin", Duration.ofDays(2));
        assertThat(Duration.between(Instant.now(), brief.certificate().getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(1), Duration.ofDays(2));
    }

    @Test
    void anotherCaDidNotIssue() {
        CertificateAuthority other = CertificateAuthority.generate("spindle");
        assertThat(ca.issued(other.issueClient(Role.ADMIN, "admin").certificate())).isFalse();
    }

    @Test
    void ofRejectsNonCaAndMismatchedKey() {
        CertifiedKey leaf = ca.issueClient(Role.ADMIN, "admin");
        assertThatThrownBy(() -> CertificateAuthority.of(leaf)).hasMessageContaining("is not a CA certificate");
        assertThatThrownBy(() -> CertificateAuthority.of(new CertifiedKey(ca.certificate(), leaf.privateKey())))
                .hasMessageContaining("does not belong");
    }

    @Test
    void serverNamesRejectGarbage() {
        assertThatThrownBy(() -> ServerNames.of(List.of("node1:50000")))
                .hasMessageContaining("neither an IP address nor a valid DNS name");
        assertThatThrownBy(() -> ServerNames.of(List.of(" "))).hasMessageContaining("empty");
    }

    private void validatePath(X509Certificate leaf) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        var params = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, params);
    }

    private static List<String> sans(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream()
                .map(san -> san.get(0) + ":" + san.get(1))
                .toList();
    }
}
