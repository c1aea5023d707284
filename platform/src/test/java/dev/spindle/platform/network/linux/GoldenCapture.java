package dev.spindle.platform.network.linux;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Re-records {@code veth-bridge-dump.bin} (run with {@code -Dspindle.capture.golden=<file>}): every datagram of an
 * {@code RTM_GETLINK} dump, as the kernel sent it, in a namespace holding lo, a bridge and a veth pair with fixed
 * addresses, one end enslaved to the bridge with an alias and an alternative name.
 */
class GoldenCapture {
  @Test
  @EnabledIfSystemProperty(named = "spindle.capture.golden", matches = ".+")
  void capture() throws Exception {
    try (var ns = TestNamespace.create()) {
      ns.ip("link", "add", "br0", "address", "02:00:00:00:00:10", "type", "bridge");
      ns.ip("link", "add", "v0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "v1", "address",
          "02:00:00:00:00:02");
      ns.ip("link", "set", "v0", "master", "br0");
      ns.ip("link", "set", "v0", "alias", "uplink");
      ns.ip("link", "property", "add", "dev", "v0", "altname", "spindle-veth0");
      ns.ip("link", "set", "v0", "mtu", "1400");
      ns.ip("link", "set", "br0", "up");
      var out = new ByteArrayOutputStream();
      Thread t = Thread.ofPlatform().start(() -> {
        try {
          int original = NetlinkSocket.openFile("/proc/thread-self/ns/net");
          int target = NetlinkSocket.openFile(ns.path().toString());
          NetlinkSocket.setns(target);
          try (var socket = NetlinkSocket.open(0)) {
            socket.send(LinkCodec.dumpRequest(1));
            while (true) {
              ByteBuffer d = socket.receive(false);
              byte[] bytes = new byte[d.remaining()];
              d.get(bytes);
              out.write(bytes);
              if (NlMsg.split(ByteBuffer.wrap(bytes)).stream()
                  .anyMatch(m -> m.header().type() == NlMsg.NLMSG_DONE)) {
                break;
              }
            }
          } finally {
            NetlinkSocket.setns(original);
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      t.join();
      Files.write(Path.of(System.getProperty("spindle.capture.golden")), out.toByteArray());
    }
  }
}
