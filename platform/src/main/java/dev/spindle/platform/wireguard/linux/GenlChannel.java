package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.linux.GenericNetlink;
import dev.spindle.platform.network.linux.GenlFamily;
import dev.spindle.platform.network.linux.NlMsg;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What {@link KernelWireGuard} needs of generic netlink: a family lookup and request/answer exchanges. The kernel's is
 * a {@link GenericNetlink} socket; tests put a model of the kernel's {@code wireguard} family behind it, which speaks
 * the same bytes, to run the adapter where the module is missing.
 */
interface GenlChannel extends AutoCloseable {
  GenlFamily family(String name) throws NetlinkException;

  /** As {@link GenericNetlink#exchange}: the answer's messages, or the kernel's errno as a {@link NetlinkException}. */
  List<NlMsg.Message> exchange(IntFunction<byte[]> request, String doing) throws NetlinkException;

  @Override
  void close();

  static GenlChannel of(GenericNetlink genl) {
    return new GenlChannel() {
      @Override
      public GenlFamily family(String name) throws NetlinkException {
        return genl.family(name);
      }

      @Override
      public List<NlMsg.Message> exchange(IntFunction<byte[]> request, String doing) throws NetlinkException {
        return genl.exchange(request, doing);
      }

      @Override
      public void close() {
        genl.close();
      }
    };
  }
}
