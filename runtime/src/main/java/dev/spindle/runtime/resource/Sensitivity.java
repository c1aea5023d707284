package dev.spindle.runtime.resource;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoEnum;

/** Whether a resource holds secrets; sensitive specs are shown only to admins. */
public enum Sensitivity implements ProtoEnum {
  NON_SENSITIVE(""),
  SENSITIVE("sensitive");

  private final String text;

  Sensitivity(String text) {
    this.text = text;
  }

  /** The COSI YAML form: empty for non-sensitive, {@code sensitive} otherwise. */
  @JsonValue
  public String text() {
    return text;
  }

  @JsonCreator
  public static Sensitivity parse(String text) {
    for (Sensitivity s : values()) {
      if (s.text.equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown sensitivity \"" + text + "\" (expected \"\" or \"sensitive\")");
  }

  /** {@code cosi.resource.meta.ResourceDefinitionSpec.Sensitivity}: NON_SENSITIVE = 0, SENSITIVE = 1. */
  @Override
  public int protoNumber() {
    return ordinal();
  }
}
