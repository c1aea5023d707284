package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys are secrets: no object of this package may show one in toString(), which is what ends up in logs. */
class SecretsNotInToStringTest {

    @TempDir
    Path state;

    @Test
    void noToStringShowsKeyMaterial() throws Exception {
        StateDirectoryPki directory = new StateDirectoryPki(state, ServerNames.of(List.of("node1")));
        StateDirectoryPki.Loaded loaded = directory.loadOrCreate();
        Pki pki = loaded.pki();
        ClientConfig config = ClientConfig.forAdmin("node1", List.of("127.0.0.1:50000"), pki);
        ClientContext context = config.currentContext();

        List<Object> objects = List.of(pki, pki.ca(), pki.ca().certifiedKey(), pki.server(), pki.admin(), config,
                context, directory, loaded, ClientIdentity.fromCertificate(pki.admin().certificate()),
                AuthInterceptor.mutualTls(pki.ca()), Role.ADMIN, ServerNames.loopback());
        List<PrivateKey> keys = List.of(pki.ca().certifiedKey().privateKey(), pki.server().privateKey(),
                pki.admin().privateKey(), context.clientCertificate().privateKey());

        for (Object object : objects) {
            String text = object.toString();
            assertThat(text).as(object.getClass().getSimpleName()).doesNotContain("PRIVATE KEY");
            assertThat(text).as(object.getClass().getSimpleName()).doesNotContain(context.key().substring(0, 24));
            for (PrivateKey key : keys) {
                for (String secret : secretForms(key)) {
                    assertThat(text).as(object.getClass().getSimpleName()).doesNotContain(secret);
                }
            }
        }
        assertThat(pki.admin().toString()).contains("<redacted EC>");
        assertThat(context.toString()).contains("key=<redacted>");
    }

    /** Recognisable fragments of a key in the encodings a careless toString would use. */
    private static List<String> secretForms(PrivateKey key) {
        List<String> forms = new ArrayList<>();
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        // The PKCS#8 header is the same for every P-256 key; the secret scalar follows it.
        forms.add(base64.substring(base64.length() - 40));
        ECPrivateKey ec = (ECPrivateKey) key;
        forms.add(ec.getS().toString());
        forms.add(ec.getS().toString(16));
        return forms;
    }
}
