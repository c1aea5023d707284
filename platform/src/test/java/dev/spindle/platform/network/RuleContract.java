package dev.spindle.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Rtnetlink} must do with policy routing rules ({@code ip rule}): run on {@link FakeRtnetlink} and
 * on the Linux adapter in a fresh network namespace, which starts with the kernel's default rules.
 */
interface RuleContract {
  Rtnetlink rtnl();

  @Test
  default void aFreshNamespaceHasTheDefaultRules() throws Exception {
    assertThat(rtnl().rules()).extracting(r -> r.family() + " " + r.priority() + " " + r.table() + " " + r.action())
        .containsExactly("2 0 255 1", "2 32766 254 1", "2 32767 253 1", "10 0 255 1", "10 32766 254 1");
    assertThat(rtnl().rules()).allMatch(r -> r.protocol() == Rtn.PROT_KERNEL);
  }

  @Test
  default void anAddedRuleIsListedInPriorityOrderAndADuplicateIsEEXIST() throws Exception {
    var rule = RuleMessage.from("10.1.0.0", 16, 100, 10);
    rtnl().addRule(rule);
    rtnl().addRule(RuleMessage.from("fd00::", 8, 50, 20));
    List<RuleMessage> rules = rtnl().rules();
    assertThat(rules).extracting(RuleMessage::priority).containsExactly(0, 100, 32766, 32767, 0, 50, 32766);
    assertThat(rules.get(1)).isEqualTo(rule.toBuilder().protocol(Rtn.PROT_UNSPEC).build());
    assertThat(rules.get(5).src()).isEqualTo(AddressContract.ip("fd00::"));
    assertErrno(() -> rtnl().addRule(rule), Errno.EEXIST);
  }

  @Test
  default void aRuleWithoutPriorityGoesOneBelowTheSecondRule() throws Exception {
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET).table(10).build());
    assertThat(rtnl().rules()).filteredOn(r -> r.table() == 10).singleElement()
        .satisfies(r -> assertThat(r.priority()).isEqualTo(32765));
  }

  @Test
  default void marksInterfacesAndActionsRoundTrip() throws Exception {
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET).priority(200).table(30).fwmark(0x10).build());
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET).priority(201).table(31).fwmark(0x20).fwmask(0xF0).build());
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET).priority(202).table(32).iifName("lo").oifName("nosuch0").build());
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET6).priority(203).action(RuleMessage.PROHIBIT).build());
    List<RuleMessage> rules = rtnl().rules();
    assertThat(rules).filteredOn(r -> r.priority() == 200).singleElement()
        .satisfies(r -> assertThat(r.fwmask()).as("a mark alone gets the full mask").isEqualTo(0xFFFFFFFF));
    assertThat(rules).filteredOn(r -> r.priority() == 201).singleElement()
        .satisfies(r -> assertThat(r.fwmask()).isEqualTo(0xF0));
    assertThat(rules).filteredOn(r -> r.priority() == 202).singleElement().satisfies(r -> {
      assertThat(r.iifName()).isEqualTo("lo");
      assertThat(r.oifName()).isEqualTo("nosuch0");
      assertThat(r.flags()).as("an absent out interface is detached").isEqualTo(0x10);
    });
    assertThat(rules).filteredOn(r -> r.priority() == 203).singleElement()
        .satisfies(r -> assertThat(r.action()).isEqualTo(RuleMessage.PROHIBIT));
  }

  @Test
  default void deletingMatchesTheFieldsTheRequestSets() throws Exception {
    rtnl().addRule(RuleMessage.lookup(Ifa.AF_INET, 100, 10));
    rtnl().addRule(RuleMessage.lookup(Ifa.AF_INET, 101, 11));
    rtnl().deleteRule(RuleMessage.builder(Ifa.AF_INET).table(11).action(0).build());
    assertThat(rtnl().rules()).extracting(RuleMessage::table).doesNotContain(11).contains(10);
    rtnl().deleteRule(RuleMessage.lookup(Ifa.AF_INET, 100, 10));
    assertErrno(() -> rtnl().deleteRule(RuleMessage.lookup(Ifa.AF_INET, 100, 10)), Errno.ENOENT);
    assertThat(rtnl().rules()).hasSize(5);
  }

  @Test
  default void badRulesAreRefused() {
    assertErrno(() -> rtnl().addRule(RuleMessage.lookup(7, 100, 10)), Errno.EAFNOSUPPORT);
    assertErrno(() -> rtnl().addRule(RuleMessage.builder(Ifa.AF_INET6).priority(100).build()), Errno.EINVAL);
  }

  @Test
  default void anIpv4ToTableRuleWithoutATableGetsAnUnusedOne() throws Exception {
    rtnl().addRule(RuleMessage.builder(Ifa.AF_INET).priority(100).fwmark(7).build());
    assertThat(rtnl().rules()).filteredOn(r -> r.priority() == 100).singleElement()
        .satisfies(r -> assertThat(r.table()).isEqualTo(1));
  }

  @Test
  default void addingAndDeletingARuleAreEvents() throws Exception {
    var events = new RecordingListener();
    try (var subscription = rtnl().subscribe(events)) {
      rtnl().addRule(RuleMessage.builder(Ifa.AF_INET6).table(42).fwmark(3).build());
      RuleEvent added = events.awaitRule(RuleEvent.Change.NEW, r -> r.table() == 42);
      assertThat(added.rule().priority()).as("as the kernel keeps it").isEqualTo(32765);
      assertThat(added.rule().fwmask()).isEqualTo(0xffffffff);
      assertThat(rtnl().rules()).contains(added.rule());
      rtnl().deleteRule(RuleMessage.builder(Ifa.AF_INET6).table(42).action(0).build());
      assertThat(events.awaitRule(RuleEvent.Change.DELETED, r -> r.table() == 42).rule()).isEqualTo(added.rule());
    }
  }

  private static void assertErrno(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }
}
