package dev.spindle.runtime.controller;

/** Registration refused: the controller's outputs collide with another controller's exclusive output. */
public final class OutputConflictException extends RuntimeException {
  private final String type;
  private final String existing;
  private final String rejected;

  public OutputConflictException(String type, String existing, String rejected, String why) {
    super("controller \"" + rejected + "\" cannot declare output " + type + ": " + why + " by controller \""
        + existing + "\"");
    this.type = type;
    this.existing = existing;
    this.rejected = rejected;
  }

  public String type() {
    return type;
  }

  public String existingController() {
    return existing;
  }

  public String rejectedController() {
    return rejected;
  }
}
