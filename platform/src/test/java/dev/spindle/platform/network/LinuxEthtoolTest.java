package dev.spindle.platform.network;

import dev.spindle.platform.network.linux.LinuxEthtool;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The ethtool contract against the real kernel: {@link LinuxEthtool} in a fresh network namespace per test. */
class LinuxEthtoolTest implements EthtoolContract {
  private TestNamespace ns;
  private LinuxRtnetlink rtnl;
  private LinuxEthtool ethtool;

  @BeforeEach
  void createNamespace() throws Exception {
    ns = TestNamespace.create();
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
    ethtool = LinuxEthtool.inNamespace(ns.path());
  }

  @AfterEach
  void deleteNamespace() throws Exception {
    try {
      if (ethtool != null) {
        ethtool.close();
      }
      if (rtnl != null) {
        rtnl.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Override
  public Rtnetlink rtnl() {
    return rtnl;
  }

  @Override
  public Ethtool ethtool() {
    return ethtool;
  }
}
