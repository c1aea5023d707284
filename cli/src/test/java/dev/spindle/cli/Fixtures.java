package dev.spindle.cli;

import dev.spindle.cli.TestTypes.LinkStatus;
import dev.spindle.cli.TestTypes.ResolverStatus;
import dev.spindle.cli.TestTypes.Secret;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.UpdateOptions;
import java.util.List;

/** The resources the CLI tests list: three links (eth0 updated once), the resolvers, a secret. */
final class Fixtures {
  static final String LINK_OWNER = "network.LinkStatusController";

  private Fixtures() {}

  static void populate(State state) {
    var eth0 = state.create(Resource.of(LinkStatus.DEFINITION, "eth0",
            new LinkStatus("", "ether", "", "52:54:00:12:34:56", "down", false))
        .withMetadata(md -> md.withLabel("role", "uplink")), LINK_OWNER);
    state.update(eth0.withSpec(new LinkStatus("", "ether", "", "52:54:00:12:34:56", "up", true)),
        UpdateOptions.owner(LINK_OWNER));
    state.create(Resource.of(LinkStatus.DEFINITION, "eth1",
        new LinkStatus("wan", "ether", "", "52:54:00:12:34:57", "down", false)), LINK_OWNER);
    state.create(Resource.of(LinkStatus.DEFINITION, "lo",
            new LinkStatus("", "loopback", "", "00:00:00:00:00:00", "unknown", true))
        .withMetadata(md -> md.withLabel("role", "loopback")), LINK_OWNER);
    state.create(Resource.of(ResolverStatus.DEFINITION, "resolvers",
        new ResolverStatus(List.of("1.1.1.1", "8.8.8.8"), List.of())), "network.ResolverMergeController");
    state.create(Resource.of(Secret.DEFINITION, "cluster", new Secret("s3cr3t")));
  }
}
