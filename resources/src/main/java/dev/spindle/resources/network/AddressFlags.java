package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.ArrayList;

/**
 * The kernel's address flags word (IFA_FLAGS): a {@code uint32} on the wire, the set flag names joined by {@code ,} in
 * bit order in YAML ({@code nodad,permanent}), no flags as {@code ""}. Bits above {@link AddressFlag#STABLE_PRIVACY}
 * are kept but not printed, as in Talos.
 */
public record AddressFlags(int bits) implements ProtoValue {
  public static final AddressFlags NONE = new AddressFlags(0);

  public static AddressFlags of(AddressFlag... flags) {
    int bits = 0;
    for (AddressFlag f : flags) {
      bits |= f.bit();
    }
    return new AddressFlags(bits);
  }

  public boolean contains(AddressFlag flag) {
    return (bits & flag.bit()) != 0;
  }

  @JsonValue
  public String text() {
    var names = new ArrayList<String>();
    for (AddressFlag f : AddressFlag.values()) {
      if (contains(f)) {
        names.add(f.text());
      }
    }
    return String.join(",", names);
  }

  /**
   * Reads the comma-joined form, case-insensitively as enumer does. Unlike Talos, {@code ""} reads as no flags:
   * Talos prints it for an address without flags but cannot read it back.
   */
  @JsonCreator
  public static AddressFlags parse(String text) {
    int bits = 0;
    for (String name : text.isEmpty() ? new String[0] : text.split(",", -1)) {
      AddressFlag found = null;
      for (AddressFlag f : AddressFlag.values()) {
        if (f.text().equalsIgnoreCase(name)) {
          found = f;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(name + " does not belong to AddressFlag values");
      }
      bits |= found.bit();
    }
    return new AddressFlags(bits);
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
