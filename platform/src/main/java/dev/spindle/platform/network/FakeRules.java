package dev.spindle.platform.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The fake's policy routing rules, kept as the kernel keeps them ({@code net/core/fib_rules.c}): per family in
 * priority order, a new rule after those of equal priority; a rule without a priority one below the second rule's;
 * a mark without a mask gets the full mask; an identical rule is {@code EEXIST}, a delete matching nothing
 * {@code ENOENT}. Rules naming an interface that does not exist carry the kernel's detached flags in dumps.
 * Not thread-safe: {@link FakeRtnetlink} holds its lock.
 */
final class FakeRules {
  static final int IIF_DETACHED = 8;
  static final int OIF_DETACHED = 16;
  private static final int TABLE_LOCAL = 255;
  private static final int TABLE_MAIN = 254;

  private final List<RuleMessage> table = new ArrayList<>();

  FakeRules() {
    table.add(kernelRule(Ifa.AF_INET, 0, TABLE_LOCAL));
    table.add(kernelRule(Ifa.AF_INET, 32766, TABLE_MAIN));
    table.add(kernelRule(Ifa.AF_INET, 32767, Rtn.TABLE_DEFAULT));
    table.add(kernelRule(Ifa.AF_INET6, 0, TABLE_LOCAL));
    table.add(kernelRule(Ifa.AF_INET6, 32766, TABLE_MAIN));
  }

  private static RuleMessage kernelRule(int family, int priority, int tableId) {
    return RuleMessage.lookup(family, priority, tableId).toBuilder().protocol(Rtn.PROT_KERNEL).build();
  }

  /** IPv4 first, then IPv6, each in priority order; {@code linkNamed} says which interface names exist. */
  List<RuleMessage> all(Predicate<String> linkNamed) {
    return table.stream().sorted(Comparator.comparingInt(RuleMessage::family))
        .map(r -> withDetached(r, linkNamed)).toList();
  }

  /**
   * Adds {@code request}; {@code emptyTable} finds the table an IPv4 to-table rule without one gets (the kernel
   * allocates the first unused one).
   */
  RuleMessage add(RuleMessage request, IntPredicate tableInUse, String doing) throws NetlinkException {
    validate(request, doing);
    var rule = request.toBuilder().flags(request.flags() & ~(IIF_DETACHED | OIF_DETACHED));
    if (request.fwmark() != 0 && request.fwmask() == 0) {
      rule.fwmask(0xFFFFFFFF);
    }
    if (request.action() == RuleMessage.TO_TABLE && request.table() == 0) {
      if (request.family() == Ifa.AF_INET6) {
        throw new NetlinkException(Errno.EINVAL, doing + ": a to-table rule needs a table");
      }
      int id = 1;
      while (tableInUse.test(id)) {
        id++;
      }
      rule.table(id);
    }
    if (request.priority() == RuleMessage.NO_PRIORITY) {
      var family = table.stream().filter(r -> r.family() == request.family()).toList();
      rule.priority(family.size() >= 2 && family.get(1).priority() != 0 ? family.get(1).priority() - 1 : 0);
    }
    RuleMessage stored = rule.build();
    if (table.contains(stored)) {
      throw new NetlinkException(Errno.EEXIST, doing);
    }
    int at = 0;
    for (int i = 0; i < table.size(); i++) {
      RuleMessage r = table.get(i);
      if (r.family() == stored.family() && Integer.compareUnsigned(r.priority(), stored.priority()) <= 0) {
        at = i + 1;
      } else if (r.family() < stored.family()) {
        at = i + 1;
      }
    }
    table.add(at, stored);
    return stored;
  }

  /** Removes and returns the first rule matching every field {@code request} sets. */
  RuleMessage delete(RuleMessage request, String doing) throws NetlinkException {
    if (request.family() != Ifa.AF_INET && request.family() != Ifa.AF_INET6) {
      throw new NetlinkException(Errno.EAFNOSUPPORT, doing);
    }
    for (RuleMessage r : table) {
      if (matches(r, request)) {
        table.remove(r);
        return r;
      }
    }
    throw new NetlinkException(Errno.ENOENT, doing);
  }

  /** Whether any rule looks up {@code tableId}. */
  boolean uses(int tableId) {
    return table.stream().anyMatch(r -> r.table() == tableId);
  }

  private static boolean matches(RuleMessage r, RuleMessage q) {
    return r.family() == q.family()
        && (q.priority() == RuleMessage.NO_PRIORITY || r.priority() == q.priority())
        && (q.table() == 0 || r.table() == q.table())
        && (q.action() == 0 || r.action() == q.action())
        && (q.iifName().isEmpty() || r.iifName().equals(q.iifName()))
        && (q.oifName().isEmpty() || r.oifName().equals(q.oifName()))
        && (q.fwmark() == 0 || r.fwmark() == q.fwmark())
        && (q.fwmask() == 0 || r.fwmask() == q.fwmask())
        && (q.protocol() == 0 || r.protocol() == q.protocol())
        && (q.tos() == 0 || r.tos() == q.tos())
        && (q.srcLength() == 0 || r.srcLength() == q.srcLength() && Arrays.equals(r.src(), q.src()))
        && (q.dstLength() == 0 || r.dstLength() == q.dstLength() && Arrays.equals(r.dst(), q.dst()));
  }

  private static void validate(RuleMessage r, String doing) throws NetlinkException {
    int bytes = switch (r.family()) {
      case Ifa.AF_INET -> 4;
      case Ifa.AF_INET6 -> 16;
      default -> throw new NetlinkException(Errno.EAFNOSUPPORT, doing);
    };
    if (r.srcLength() < 0 || r.srcLength() > bytes * 8 || r.dstLength() < 0 || r.dstLength() > bytes * 8
        || r.src().length != 0 && r.src().length != bytes || r.dst().length != 0 && r.dst().length != bytes
        || r.srcLength() > 0 && r.src().length == 0 || r.dstLength() > 0 && r.dst().length == 0) {
      throw new NetlinkException(Errno.EINVAL, doing + ": prefix does not fit the family");
    }
    if (r.action() < 0 || r.action() > RuleMessage.PROHIBIT || r.action() == 0) {
      throw new NetlinkException(Errno.EINVAL, doing + ": action " + r.action());
    }
  }

  private static RuleMessage withDetached(RuleMessage r, Predicate<String> linkNamed) {
    int flags = r.flags();
    if (!r.iifName().isEmpty() && !linkNamed.test(r.iifName())) {
      flags |= IIF_DETACHED;
    }
    if (!r.oifName().isEmpty() && !linkNamed.test(r.oifName())) {
      flags |= OIF_DETACHED;
    }
    return flags == r.flags() ? r : r.toBuilder().flags(flags).build();
  }
}
