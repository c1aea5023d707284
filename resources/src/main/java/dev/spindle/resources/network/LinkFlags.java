package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The kernel's interface flags word (IFF_*): a {@code uint32} on the wire, the set flag names joined by {@code ,} in
 * bit order in YAML ({@code UP,BROADCAST,RUNNING,MULTICAST,LOWER_UP}), no flags as {@code ""}. Bits above
 * {@link LinkFlag#ECHO} are kept but not printed, as in Talos.
 */
public record LinkFlags(int bits) implements ProtoValue {
  public static final LinkFlags NONE = new LinkFlags(0);

  public static LinkFlags of(LinkFlag... flags) {
    int bits = 0;
    for (LinkFlag f : flags) {
      bits |= f.bit();
    }
    return new LinkFlags(bits);
  }

  public boolean contains(LinkFlag flag) {
    return (bits & flag.bit()) != 0;
  }

  public LinkFlags with(LinkFlag flag) {
    return new LinkFlags(bits | flag.bit());
  }

  public LinkFlags without(LinkFlag flag) {
    return new LinkFlags(bits & ~flag.bit());
  }

  @JsonValue
  public String text() {
    var names = new ArrayList<String>();
    for (LinkFlag f : LinkFlag.values()) {
      if (contains(f)) {
        names.add(f.name());
      }
    }
    return String.join(",", names);
  }

  /**
   * Reads the comma-joined form, case-insensitively as enumer does. Unlike Talos, {@code ""} reads as no flags:
   * Talos prints it for a link without flags but cannot read it back.
   */
  @JsonCreator
  public static LinkFlags parse(String text) {
    int bits = 0;
    for (String name : text.isEmpty() ? new String[0] : text.split(",", -1)) {
      try {
        bits |= LinkFlag.valueOf(name.toUpperCase(Locale.ROOT)).bit();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " does not belong to LinkFlag values", e);
      }
    }
    return new LinkFlags(bits);
  }

  @Override
  public Object protoValue() {
    return Integer.toUnsignedLong(bits);
  }

  @Override
  public String toString() {
    return text();
  }
}
