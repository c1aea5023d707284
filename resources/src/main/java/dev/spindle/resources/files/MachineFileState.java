package dev.spindle.resources.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.spindle.resources.TalosEnum;

/** What became of a {@code machine.files} entry ({@link MachineFileStatus#state()}). */
public enum MachineFileState implements TalosEnum {
  /** The file on disk holds what the entry asks for. */
  APPLIED("applied"),
  /** The entry itself is wrong (see the error); no entry of the set was applied. */
  INVALID("invalid"),
  /** The entry is fine but another one is invalid, so the whole set was held back. */
  REFUSED("refused"),
  /** Writing the file failed (see the error); it is retried. */
  FAILED("failed");

  private final String text;

  MachineFileState(String text) {
    this.text = text;
  }

  @JsonCreator
  public static MachineFileState parse(String text) {
    return TalosEnum.parse(MachineFileState.class, text);
  }

  @Override
  public int protoNumber() {
    return ordinal();
  }

  @Override
  public String text() {
    return text;
  }
}
