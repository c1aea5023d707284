package dev.spindle.resources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.ConfigSchema.Field;
import dev.spindle.resources.config.ConfigSchema.ListOf;
import dev.spindle.resources.config.ConfigSchema.MapOf;
import dev.spindle.resources.config.ConfigSchema.Scalar;
import dev.spindle.resources.config.ConfigSchema.ScalarKind;
import dev.spindle.resources.config.ConfigSchema.Shape;
import dev.spindle.resources.config.ConfigSchema.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema tables: the paths Spindle reads exist with the shapes its readers assume, and secrets are marked. */
class ConfigSchemaTest {
  private static Field at(Struct root, String path) {
    Shape shape = root;
    Field field = null;
    for (String name : path.split("\\.")) {
      while (shape instanceof ListOf l) {
        shape = l.item();
      }
      assertThat(shape).as(path + " at " + name).isInstanceOf(Struct.class);
      field = ((Struct) shape).field(name);
      assertThat(field).as(path + " has " + name).isNotNull();
      shape = field.shape();
    }
    return field;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "machine.type, STRING", "machine.files.permissions, INT", "machine.files.op, STRING",
      "machine.time.bootTimeout, DURATION", "machine.time.disabled, BOOL", "machine.network.hostname, STRING",
      "machine.network.disableSearchDomain, BOOL", "machine.network.interfaces.mtu, INT",
      "machine.network.interfaces.vlans.vlanId, INT", "machine.network.interfaces.wireguard.privateKey, STRING",
      "machine.features.stableHostname, BOOL", "cluster.id, STRING", "cluster.secret, STRING",
      "cluster.discovery.enabled, BOOL", "cluster.discovery.registries.service.endpoint, STRING",
      "cluster.discovery.registries.kubernetes.disabled, BOOL"})
  void spindlesFieldsHaveTheShapesItsReadersAssume(String path, ScalarKind kind) {
    assertThat(at(ConfigSchema.V1ALPHA1, path).shape()).isEqualTo(new Scalar(kind));
  }

  @Test
  void listsAndMapsAreWhereTalosHasThem() {
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.env").shape()).isEqualTo(new MapOf(new Scalar(ScalarKind.STRING)));
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.network.nameservers").shape())
        .isEqualTo(new ListOf(new Scalar(ScalarKind.STRING)));
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.network.interfaces").shape()).isInstanceOf(ListOf.class);
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.kubelet.extraArgs").shape()).isInstanceOf(MapOf.class);
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.registries.mirrors").shape()).isInstanceOf(MapOf.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"machine.token", "machine.ca.key", "cluster.secret", "cluster.token", "cluster.aescbcEncryptionSecret",
      "cluster.secretboxEncryptionSecret", "cluster.ca.key", "cluster.serviceAccount.key", "cluster.etcd.ca.key",
      "machine.network.interfaces.wireguard.privateKey"})
  void talossSecretsAreMarked(String path) {
    assertThat(at(ConfigSchema.V1ALPHA1, path).secret()).isTrue();
  }

  @Test
  void publicFieldsAreNotMarkedSecret() {
    assertThat(at(ConfigSchema.V1ALPHA1, "cluster.id").secret()).isFalse();
    assertThat(at(ConfigSchema.V1ALPHA1, "machine.ca.crt").secret()).isFalse();
  }

  @Test
  void everyMultiDocumentKindHasASchemaWithTheEnvelope() {
    for (String kind : DocumentReader.KINDS) {
      Struct s = ConfigSchema.struct("doc." + kind);
      assertThat(s.fields()).containsKeys("apiVersion", "kind");
    }
  }
}
