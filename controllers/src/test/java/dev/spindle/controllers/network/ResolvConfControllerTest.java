package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.ResolverStatus;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResolvConfControllerTest {
  private static final ResourcePointer RESOLV_CONF = EtcFileSpec.DEFINITION.pointer(FilesNamespaces.FILES, "resolv.conf");

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new ResolvConfController());

  private static ResolverStatus status(List<String> search, String... servers) {
    var addrs = Stream.of(servers).map(IpAddr::parse).toList();
    return new ResolverStatus(addrs, addrs.stream().map(NameServerSpec::of).toList(), search);
  }

  private void awaitContents(String contents) {
    h.awaitResource(RESOLV_CONF, EtcFileSpec.DEFINITION, r -> {
      assertThat(r.spec()).isEqualTo(new EtcFileSpec(contents, 0644));
      assertThat(r.metadata().owner()).isEqualTo("network.ResolvConfController");
    });
  }

  @Test
  void theResolverStatusIsRenderedAndFollowed() {
    h.create(ResolverStatus.DEFINITION, ResolverStatus.ID, status(List.of("corp.example"), "10.0.0.1"));
    awaitContents("nameserver 10.0.0.1\n\nsearch corp.example\n");

    h.updateSpec(ResolverStatus.DEFINITION, ResolverStatus.ID,
        status(List.of(), "1.0.0.1", "1.0.0.2", "1.0.0.3", "1.0.0.4"));
    awaitContents("nameserver 1.0.0.1\nnameserver 1.0.0.2\nnameserver 1.0.0.3\n");
  }

  @Test
  void aVanishedStatusLeavesTheLastFileInPlace() {
    h.create(ResolverStatus.DEFINITION, ResolverStatus.ID, status(List.of(), "10.0.0.1"));
    awaitContents("nameserver 10.0.0.1\n");
    double before = reconciles();
    h.destroy(ResolverStatus.DEFINITION.pointer(ResolverStatus.ID));
    await().atMost(Duration.ofSeconds(10)).until(() -> reconciles() > before);
    assertThat(h.state().get(RESOLV_CONF).spec()).isEqualTo(new EtcFileSpec("nameserver 10.0.0.1\n", 0644));

    h.create(ResolverStatus.DEFINITION, ResolverStatus.ID, status(List.of(), "10.0.0.2"));
    awaitContents("nameserver 10.0.0.2\n");
  }

  private double reconciles() {
    var counter = h.registry().find("spindle.controller.reconciles").tag("controller", "network.ResolvConfController")
        .counter();
    return counter == null ? 0 : counter.count();
  }
}
