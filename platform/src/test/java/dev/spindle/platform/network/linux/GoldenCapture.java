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
 * addresses, one end enslaved to the bridge with an alias and an alternative name. Re-records
 * {@code address-dump.bin} ({@code -Dspindle.capture.addresses=<file>}): an {@code RTM_GETADDR} dump of lo up and a
 * veth end with a labelled primary and a secondary IPv4 address, a finite lifetime, a route metric, a point-to-point
 * peer and a global IPv6 address without DAD. Re-records {@code route-dump.bin}
 * ({@code -Dspindle.capture.routes=<file>}): an {@code RTM_GETROUTE} dump of lo and an up veth pair with IPv4 and IPv6
 * addresses, a gateway route with a metric, a route with an MTU in table 100, one in table 1000 (beyond rtm_table's 8
 * bits), a blackhole route and an IPv6 gateway route. Re-records {@code kinds-dump.bin}
 * ({@code -Dspindle.capture.kinds=<file>}): an {@code RTM_GETLINK} dump with a bridge with STP on, a veth pair, a
 * macvlan in bridge mode on one end, an IPv4 unicast VXLAN without learning and an IPv6 multicast one. Re-records
 * {@code rule-dump.bin} ({@code -Dspindle.capture.rules=<file>}): an {@code RTM_GETRULE} dump of the default rules
 * and rules by source, mark and mask, interfaces, a table beyond 8 bits, an inverted prohibit, a protocol, and IPv6.
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
      Files.write(Path.of(System.getProperty("spindle.capture.golden")), dump(ns, LinkCodec.dumpRequest(1)));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "spindle.capture.addresses", matches = ".+")
  void captureAddresses() throws Exception {
    try (var ns = TestNamespace.create()) {
      ns.ip("link", "set", "lo", "up");
      ns.ip("link", "add", "v0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "v1", "address",
          "02:00:00:00:00:02");
      ns.ip("addr", "add", "10.1.0.1/24", "broadcast", "10.1.0.255", "label", "v0:web", "dev", "v0");
      ns.ip("addr", "add", "10.1.0.2/24", "dev", "v0");
      ns.ip("addr", "add", "10.2.0.1/16", "valid_lft", "3600", "preferred_lft", "1800", "dev", "v0");
      ns.ip("addr", "add", "10.3.0.1/24", "metric", "50", "dev", "v0");
      ns.ip("addr", "add", "10.9.0.1", "peer", "10.9.0.2/32", "dev", "v0");
      ns.ip("-6", "addr", "add", "2001:db8::1/64", "nodad", "dev", "v0");
      Files.write(Path.of(System.getProperty("spindle.capture.addresses")), dump(ns, AddressCodec.dumpRequest(1, 0)));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "spindle.capture.routes", matches = ".+")
  void captureRoutes() throws Exception {
    try (var ns = TestNamespace.create()) {
      ns.ip("link", "set", "lo", "up");
      ns.ip("link", "add", "v0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "v1", "address",
          "02:00:00:00:00:02");
      ns.ip("link", "set", "v0", "up");
      ns.ip("link", "set", "v1", "up");
      ns.ip("addr", "add", "10.1.0.1/24", "broadcast", "10.1.0.255", "dev", "v0");
      ns.ip("-6", "addr", "add", "2001:db8::1/64", "nodad", "dev", "v0");
      ns.ip("route", "add", "10.5.0.0/16", "via", "10.1.0.254", "metric", "50");
      ns.ip("route", "add", "10.6.0.0/16", "dev", "v0", "table", "100", "mtu", "1400", "proto", "static");
      ns.ip("route", "add", "192.0.2.0/24", "via", "10.1.0.254", "table", "1000");
      ns.ip("route", "add", "blackhole", "10.99.0.0/16");
      ns.ip("-6", "route", "add", "2001:db8:1::/64", "via", "2001:db8::fe", "metric", "200");
      Files.write(Path.of(System.getProperty("spindle.capture.routes")), dump(ns, RouteCodec.dumpRequest(1, 0)));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "spindle.capture.kinds", matches = ".+")
  void captureKinds() throws Exception {
    try (var ns = TestNamespace.create()) {
      ns.ip("link", "add", "br0", "address", "02:00:00:00:00:10", "type", "bridge", "stp_state", "1");
      ns.ip("link", "add", "v0", "address", "02:00:00:00:00:01", "type", "veth", "peer", "name", "v1", "address",
          "02:00:00:00:00:02");
      ns.ip("link", "add", "mv0", "link", "v0", "address", "02:00:00:00:00:20", "type", "macvlan", "mode", "bridge");
      ns.ip("link", "add", "vx0", "address", "02:00:00:00:00:30", "type", "vxlan", "id", "42", "dstport", "4789",
          "local", "192.0.2.1", "remote", "192.0.2.2", "dev", "v0", "nolearning");
      ns.ip("link", "add", "vx6", "address", "02:00:00:00:00:31", "type", "vxlan", "id", "16777215", "local",
          "2001:db8::1", "group", "ff05::100", "dev", "v1");
      Files.write(Path.of(System.getProperty("spindle.capture.kinds")), dump(ns, LinkCodec.dumpRequest(1)));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "spindle.capture.rules", matches = ".+")
  void captureRules() throws Exception {
    try (var ns = TestNamespace.create()) {
      ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
      ns.ip("rule", "add", "from", "10.1.0.0/16", "lookup", "100", "pref", "100");
      ns.ip("rule", "add", "fwmark", "0x10/0xff", "lookup", "200", "pref", "200", "proto", "static");
      ns.ip("rule", "add", "iif", "lo", "oif", "v0", "table", "1000", "pref", "300");
      ns.ip("rule", "add", "not", "to", "192.0.2.0/24", "tos", "0x10", "prohibit", "pref", "400");
      ns.ip("rule", "add", "fwmark", "0x20", "lookup", "main", "pref", "500");
      ns.ip("-6", "rule", "add", "from", "2001:db8::/32", "lookup", "100", "pref", "600");
      Files.write(Path.of(System.getProperty("spindle.capture.rules")), dump(ns, RuleCodec.dumpRequest(1)));
    }
  }

  /** Every datagram the kernel answers {@code request} with, up to and including the one with NLMSG_DONE. */
  private static byte[] dump(TestNamespace ns, byte[] request) throws Exception {
    {
      var out = new ByteArrayOutputStream();
      Thread t = Thread.ofPlatform().start(() -> {
        try {
          int original = NetlinkSocket.openFile("/proc/thread-self/ns/net");
          int target = NetlinkSocket.openFile(ns.path().toString());
          NetlinkSocket.setns(target);
          try (var socket = NetlinkSocket.open(0)) {
            socket.send(request);
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
      return out.toByteArray();
    }
  }
}
