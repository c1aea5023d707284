package dev.spindle.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.api.server.Access;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.PathSpec;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.WatchKindOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readers and operators read non-sensitive resources only and never write; admins do everything. */
class AccessControlTest {
  private LoopbackServer reader;

  @BeforeEach
  void start() throws Exception {
    reader = LoopbackServer.inProcess(() -> Access.READ_ONLY);
    reader.store.create(Resource.of(PathSpec.DEFINITION, "visible", PathSpec.empty()));
    reader.store.create(Resource.of(SecretSpec.DEFINITION, "cluster", new SecretSpec("s3cr3t")));
  }

  @AfterEach
  void stop() throws InterruptedException {
    reader.close();
  }

  @Test
  void readerReadsNonSensitiveResources() {
    assertThat(reader.client.list(PathSpec.DEFINITION)).extracting(Resource::id).containsExactly("visible");
    assertThat(reader.client.get(PathSpec.DEFINITION, "visible").spec()).isEqualTo(PathSpec.empty());
  }

  @Test
  void readerIsRefusedSensitiveSpecsWithPermissionDenied() {
    assertThatThrownBy(() -> reader.client.get(SecretSpec.DEFINITION.pointer("cluster")))
        .isInstanceOf(StateException.AccessDenied.class)
        .hasMessageContaining("Secrets.test.spindle.dev requires the os:admin role")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> reader.client.list(SecretSpec.DEFINITION.kind()))
        .isInstanceOf(StateException.AccessDenied.class);
    assertThatThrownBy(() -> reader.client.watchKind(SecretSpec.DEFINITION.kind(), WatchKindOptions.bootstrap()))
        .isInstanceOf(StateException.AccessDenied.class);
  }

  @Test
  void readerCannotWriteAnything() {
    var pointer = PathSpec.DEFINITION.pointer("visible");
    assertThatThrownBy(() -> reader.client.create(Resource.of(PathSpec.DEFINITION, "new", PathSpec.empty())))
        .isInstanceOf(StateException.AccessDenied.class).hasMessageContaining("requires the os:admin role");
    assertThatThrownBy(() -> reader.client.update(reader.client.get(pointer)))
        .isInstanceOf(StateException.AccessDenied.class);
    assertThatThrownBy(() -> reader.client.destroy(pointer)).isInstanceOf(StateException.AccessDenied.class);
    assertThatThrownBy(() -> reader.client.teardown(pointer)).isInstanceOf(StateException.AccessDenied.class);
    assertThat(reader.store.find(PathSpec.DEFINITION.pointer("new"))).isEmpty();
    assertThat(reader.store.get(pointer).version()).isEqualTo(1);
  }
}
