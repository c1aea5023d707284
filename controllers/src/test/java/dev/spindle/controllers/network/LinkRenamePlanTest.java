package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.network.LinkRenamePlan.Rename;
import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.resources.network.LinkNameStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LinkRenamePlanTest {
  private static final LinkMessage ETH0 = LinkMessage.builder(2, "eth0").type(Arphrd.ETHER).flags(Iff.UP).build();
  private static final LinkMessage ETH1 = LinkMessage.builder(3, "eth1").type(Arphrd.ETHER).build();

  private static Resource<LinkNameStatus> status(String id, String name, String policy, boolean enabled,
      String assigned, String device) {
    return Resource.of(LinkNameStatus.DEFINITION, id,
        new LinkNameStatus("", "", name, "", name, policy, List.of(), enabled, assigned, device));
  }

  @Test
  void aKernelNamedNicOnADeviceIsRenamedToThePolicysName() {
    assertThat(LinkRenamePlan.plan(List.of(status("eth0", "enp0s2", "path", true, "enum", "virtio0"),
        status("eth1", "enp0s3", "path", true, "enum", "virtio1")), List.of(ETH0, ETH1)))
        .containsExactly(new Rename(2, "eth0", "enp0s2", "path", true), new Rename(3, "eth1", "enp0s3", "path", false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      net.ifnames=0                     | enp0s2 | path | false | enum        | virtio0
      no policy named it                |        |      | true  | enum        | virtio0
      the name it has                   | eth0   | keep | true  | enum        | virtio0
      named by userspace                | enp0s2 | path | true  | user        | virtio0
      renamed already                   | enp0s2 | path | true  | renamed     | virtio0
      the kernel made it predictable    | enp0s2 | path | true  | predictable | virtio0
      of unknown origin                 | enp0s2 | path | true  |             | virtio0
      a logical link (no device)        | enx02  | mac  | true  | enum        |
      """)
  void notRenamed(String why, String name, String policy, boolean enabled, String assigned, String device) {
    var s = status("eth0", name == null ? "" : name, policy == null ? "" : policy, enabled,
        assigned == null ? "" : assigned, device == null ? "" : device);
    assertThat(LinkRenamePlan.plan(List.of(s), List.of(ETH0))).as(why).isEmpty();
  }

  @Test
  void neverTheLoopback() {
    var lo = LinkMessage.builder(1, "lo").type(Arphrd.LOOPBACK).flags(Iff.UP | Iff.LOOPBACK).build();
    assertThat(LinkRenamePlan.plan(List.of(status("lo", "enp0s1", "path", true, "enum", "virtio9")), List.of(lo)))
        .isEmpty();
  }

  @Test
  void aStatusForANameNoLinkHasAnyMoreIsStale() {
    var renamed = LinkMessage.builder(2, "enp0s2").type(Arphrd.ETHER).build();
    assertThat(LinkRenamePlan.plan(List.of(status("eth0", "enp0s2", "path", true, "enum", "virtio0")),
        List.of(renamed))).isEmpty();
  }
}
