package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.NetlinkException;
import org.junit.jupiter.api.Test;

/**
 * {@link GenericNetlink} against the real kernel, in a fresh network namespace: the controller family resolves itself
 * (it is built in, so this runs on kernels without any optional module), an unknown family is {@code ENOENT}. Skipped
 * without root (failed instead when {@code SPINDLE_REQUIRE_PRIVILEGED=1}).
 */
class GenericNetlinkTest {
  @Test
  void theControllerResolvesItsOwnFamilyAndUnknownFamiliesAreEnoent() throws Exception {
    try (var ns = TestNamespace.create(); var genl = GenericNetlink.inNamespace(ns.path())) {
      GenlFamily ctrl = genl.family("nlctrl");
      assertThat(ctrl.id()).isEqualTo(GenlCodec.GENL_ID_CTRL);
      assertThat(ctrl.name()).isEqualTo("nlctrl");
      assertThat(ctrl.version()).isPositive();
      assertThat(ctrl.multicastGroups()).containsKey("notify");

      assertThatThrownBy(() -> genl.family("spindle-none"))
          .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
          .hasMessage("resolving generic netlink family spindle-none: ENOENT");
      assertThat(genl.family("nlctrl").id()).isEqualTo(GenlCodec.GENL_ID_CTRL); // the socket is still in step
    }
  }

  @Test
  void aClosedSocketRefusesExchanges() throws Exception {
    try (var ns = TestNamespace.create()) {
      var genl = GenericNetlink.inNamespace(ns.path());
      genl.close();
      genl.close();
      assertThatThrownBy(() -> genl.family("nlctrl"))
          .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EIO));
    }
  }
}
