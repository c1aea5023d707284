package dev.spindle.platform.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.NetlinkException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FakeSysfsTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @Test
  void aFakeFollowingTheKernelShowsARenamedLinkUnderItsNewNameAsTheKernelMarksIt() throws Exception {
    FakeSysfs sysfs = FakeSysfs.simulatedNode(kernel);
    assertThat(sysfs.netDevice("eth0")).hasValueSatisfying(f -> assertThat(f.nameAssignType()).isEqualTo(1));

    kernel.setLink(2, LinkChange.NONE.withName("enp0s2"));

    assertThat(sysfs.netDevice("eth0")).as("/sys/class/net/eth0 is gone").isEmpty();
    NetDeviceFacts renamed = sysfs.netDevice("enp0s2").orElseThrow();
    assertThat(renamed.name()).isEqualTo("enp0s2");
    assertThat(renamed.ifindex()).isEqualTo(2);
    assertThat(renamed.nameAssignType()).as("NET_NAME_RENAMED").isEqualTo(4);
    assertThat(renamed.ancestors()).extracting(DeviceNode::sysname).containsExactly("virtio0", "0000:00:02.0");
    assertThat(renamed.driverInfo().busInfo()).isEqualTo("0000:00:02.0");
    assertThat(sysfs.netDevice("eth1")).hasValueSatisfying(f -> assertThat(f.nameAssignType()).isEqualTo(1));
  }

  @Test
  void aFakeFollowingNothingAnswersByTheNamesFactsWerePutWith() throws Exception {
    FakeSysfs sysfs = FakeSysfs.simulatedNode();
    kernel.setLink(2, LinkChange.NONE.withName("enp0s2"));
    assertThat(sysfs.netDevice("eth0")).hasValueSatisfying(f -> assertThat(f.nameAssignType()).isEqualTo(1));
    assertThat(sysfs.netDevice("enp0s2")).isEmpty();
    sysfs.remove("eth0");
    assertThat(sysfs.netDevice("eth0")).isEmpty();
  }

  @Test
  void removingByTheCurrentNameForgetsTheRenamedLink() throws Exception {
    FakeSysfs sysfs = FakeSysfs.simulatedNode(kernel);
    kernel.setLink(3, LinkChange.NONE.withName("enp0s3"));
    sysfs.remove("enp0s3");
    assertThat(sysfs.netDevice("enp0s3")).isEmpty();
    assertThat(sysfs.netDevice("eth0")).isPresent();
  }

  @Test
  void throughThePortNoSuchLinkIsEmptyAndOtherRefusalsAreUnchecked() {
    FakeSysfs sysfs = FakeSysfs.simulatedNode();
    FakeSysfs.LinkIndex index = FakeSysfs.LinkIndex.of(kernel);
    assertThat(index.of("eth1")).isEqualTo(OptionalInt.of(3));
    assertThat(index.of("nosuch0")).isEmpty();
    kernel.failNext(Errno.ENOBUFS);
    assertThatThrownBy(() -> index.of("eth1")).isInstanceOf(UncheckedIOException.class)
        .hasRootCauseInstanceOf(NetlinkException.class).hasMessageContaining("resolving link eth1");
    assertThat(sysfs.netDevice("lo")).isPresent();
  }
}
