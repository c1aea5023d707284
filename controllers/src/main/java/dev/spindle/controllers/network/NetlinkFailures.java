package dev.spindle.controllers.network;

import dev.spindle.platform.network.NetlinkException;

/**
 * The refusals of one apply pass: a spec controller applies every step it can and then fails the pass with the first
 * refusal, the others attached as suppressed, so one bad spec neither hides the rest nor stops them being applied.
 */
final class NetlinkFailures {
  private NetlinkException first;

  void add(NetlinkException failure) {
    if (first == null) {
      first = failure;
    } else {
      first.addSuppressed(failure);
    }
  }

  void throwIfAny() throws NetlinkException {
    if (first != null) {
      throw first;
    }
  }
}
