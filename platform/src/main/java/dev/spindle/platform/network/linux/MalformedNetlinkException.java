package dev.spindle.platform.network.linux;

/**
 * Bytes that are not a well-formed netlink message: a length that runs past the buffer or is shorter than its header,
 * a fixed-size attribute of the wrong size, stray bytes after the last message. The only exception the codecs throw
 * on bad input.
 */
public final class MalformedNetlinkException extends RuntimeException {
  public MalformedNetlinkException(String message) {
    super(message);
  }
}
