package dev.spindle.resources;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoEnum;

/**
 * A Talos enum: an integer in Go and on the wire ({@link #protoNumber()}), its enumer "linecomment" text in YAML
 * ({@link #text()}). Implementations read text through {@link #parse}, because enumer's text unmarshalling accepts
 * lower case too. Being a {@link ProtoEnum}, the constant numbered 0 counts as empty for {@code @OmitEmpty}, as Go's
 * zero does.
 */
public interface TalosEnum extends ProtoEnum {
  @JsonValue
  String text();

  /** The constant for a kernel or wire number; throws for a number Talos does not name either. */
  static <E extends Enum<E> & TalosEnum> E of(Class<E> type, int number) {
    for (E constant : type.getEnumConstants()) {
      if (constant.protoNumber() == number) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + number);
  }

  /** The constant whose text is {@code text}, compared exactly first and then ignoring case, as enumer does. */
  static <E extends Enum<E> & TalosEnum> E parse(Class<E> type, String text) {
    E caseless = null;
    for (E constant : type.getEnumConstants()) {
      if (constant.text().equals(text)) {
        return constant;
      }
      if (caseless == null && constant.text().equalsIgnoreCase(text)) {
        caseless = constant;
      }
    }
    if (caseless == null) {
      throw new IllegalArgumentException(text + " does not belong to " + type.getSimpleName() + " values");
    }
    return caseless;
  }
}
