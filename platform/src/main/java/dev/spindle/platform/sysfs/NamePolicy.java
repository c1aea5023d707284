package dev.spindle.platform.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * systemd's {@code .link} {@code NamePolicy=} / {@code AlternativeNamesPolicy=} entries, and how a list of them picks
 * an interface's name and alternative names ({@code link-config.c}). Talos ships {@code 99-default.link} with
 * {@code NamePolicy=keep kernel database onboard slot path mac} and
 * {@code AlternativeNamesPolicy=database onboard slot path mac} ({@link #TALOS_NAME_POLICY},
 * {@link #TALOS_ALTERNATIVE_NAMES_POLICY}). {@code database} ({@code ID_NET_NAME_FROM_DATABASE}, from udev's
 * hwdb) never yields a name here: Spindle has no hwdb.
 */
public enum NamePolicy {
  /** Keep a name userspace already gave (name_assign_type user or renamed). */
  KEEP("keep"),
  /** Keep a name the kernel marks predictable (name_assign_type predictable). */
  KERNEL("kernel"),
  DATABASE("database"),
  ONBOARD("onboard"),
  SLOT("slot"),
  PATH("path"),
  MAC("mac");

  public static final List<NamePolicy> TALOS_NAME_POLICY = List.of(KEEP, KERNEL, DATABASE, ONBOARD, SLOT, PATH, MAC);
  public static final List<NamePolicy> TALOS_ALTERNATIVE_NAMES_POLICY = List.of(DATABASE, ONBOARD, SLOT, PATH, MAC);

  private static final int NET_NAME_PREDICTABLE = 2;
  private static final int NET_NAME_USER = 3;
  private static final int NET_NAME_RENAMED = 4;
  private static final int IFNAMSIZ = 16;
  private static final int ALTIFNAMSIZ = 128;

  private final String text;

  NamePolicy(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /**
   * The outcome for one interface.
   *
   * @param name the name the interface ends up with: a new one, or its kernel name when kept
   * @param policy the policy that decided, null when none did (the kernel name stays)
   * @param alternativeNames the alternative-names policy's names, in policy order, without {@code name}
   */
  public record Outcome(String name, NamePolicy policy, List<String> alternativeNames) {
    public Outcome {
      Objects.requireNonNull(name, "name");
      alternativeNames = List.copyOf(alternativeNames);
    }

    public boolean renames(String kernelName) {
      return !name.equals(kernelName);
    }
  }

  /**
   * Applies {@code namePolicy} then {@code alternativeNamesPolicy}. With {@code namePolicyEnabled} false
   * ({@code net.ifnames=0}) udev skips the name policy and keeps the kernel name; alternative names are still added.
   */
  public static Outcome apply(NetDeviceFacts facts, NetNames names, List<NamePolicy> namePolicy,
      List<NamePolicy> alternativeNamesPolicy, boolean namePolicyEnabled) {
    String name = facts.name();
    NamePolicy chosen = null;
    if (namePolicyEnabled && !kept(facts.nameAssignType())) {
      for (NamePolicy policy : namePolicy) {
        if (policy == KERNEL && facts.nameAssignType() == NET_NAME_PREDICTABLE) {
          chosen = KERNEL;
          break;
        }
        String candidate = policy.candidate(names);
        if (validName(candidate, IFNAMSIZ)) {
          name = candidate;
          chosen = policy;
          break;
        }
      }
    } else if (namePolicyEnabled && namePolicy.contains(KEEP)) {
      chosen = KEEP;
    }
    var alternatives = new ArrayList<String>();
    for (NamePolicy policy : alternativeNamesPolicy) {
      String candidate = policy.candidate(names);
      if (validName(candidate, ALTIFNAMSIZ) && !candidate.equals(name) && !alternatives.contains(candidate)) {
        alternatives.add(candidate);
      }
    }
    return new Outcome(name, chosen, alternatives);
  }

  private static boolean kept(int nameAssignType) {
    return nameAssignType == NET_NAME_USER || nameAssignType == NET_NAME_RENAMED;
  }

  private String candidate(NetNames names) {
    return switch (this) {
      case ONBOARD -> names.onboard();
      case SLOT -> names.slot();
      case PATH -> names.path();
      case MAC -> names.mac();
      case KEEP, KERNEL, DATABASE -> "";
    };
  }

  /** systemd's {@code ifname_valid}: 1 to size-1 bytes, not {@code .}/{@code ..}, no {@code /}, {@code :} or space. */
  static boolean validName(String name, int size) {
    if (name.isEmpty() || name.length() >= size || name.equals(".") || name.equals("..")) {
      return false;
    }
    return name.chars().allMatch(c -> c > 32 && c < 127 && c != '/' && c != ':');
  }
}
