package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The route flags word ({@code rtm_flags}) as Talos's {@code nethelpers.RouteFlags}: a {@code uint32} on the wire;
 * in YAML the names of the {@code RTM_F_*} bits set (0x100 {@code notify} to 0x8000 {@code trap}), joined by
 * {@code ,} in bit order ({@code cloned,offload}), none as {@code ""}. The next-hop bits below 0x100 (onlink,
 * linkdown, …) are kept but not printed, as in Talos.
 */
public record RouteFlags(int bits) implements ProtoValue {
  public static final RouteFlags NONE = new RouteFlags(0);

  /** Bit 0x100 onwards, in order. */
  private static final List<String> NAMES =
      List.of("notify", "cloned", "equalize", "prefix", "lookup_table", "fib_match", "offload", "trap");

  @JsonValue
  public String text() {
    var names = new ArrayList<String>();
    for (int i = 0; i < NAMES.size(); i++) {
      if ((bits & (0x100 << i)) != 0) {
        names.add(NAMES.get(i));
      }
    }
    return String.join(",", names);
  }

  /** Reads the comma-joined form; {@code ""} reads as no flags. */
  @JsonCreator
  public static RouteFlags parse(String text) {
    int bits = 0;
    for (String name : text.isEmpty() ? new String[0] : text.split(",", -1)) {
      int i = NAMES.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException(name + " does not belong to RouteFlag values");
      }
      bits |= 0x100 << i;
    }
    return new RouteFlags(bits);
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
