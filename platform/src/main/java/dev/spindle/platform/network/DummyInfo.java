package dev.spindle.platform.network;

/** A dummy link to create: the kind has no settings, and the kernel reports no dummy data. */
public record DummyInfo() implements LinkInfo {
  @Override
  public String kind() {
    return "dummy";
  }
}
