package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import java.util.List;

/**
 * Every error a {@link State} raises. The family is sealed so callers (the controller runtime, the gRPC status
 * mapping) branch on types with an exhaustive {@code switch}, never on message text. Each error carries the pointer it
 * is about.
 */
public abstract sealed class StateException extends RuntimeException {
  private final ResourcePointer pointer;

  private StateException(ResourcePointer pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** The resource the error is about; for kind-level errors the id is empty. */
  public ResourcePointer pointer() {
    return pointer;
  }

  /** The resource does not exist. */
  public static final class NotFound extends StateException {
    public NotFound(ResourcePointer pointer) {
      super(pointer, "resource " + pointer + " doesn't exist");
    }
  }

  /** A write lost a race or broke an invariant; COSI's "conflict" class. */
  public abstract static sealed class Conflict extends StateException
      permits AlreadyExists, VersionConflict, OwnerConflict, PhaseConflict, PendingFinalizers {
    private Conflict(ResourcePointer pointer, String message) {
      super(pointer, message);
    }
  }

  public static final class AlreadyExists extends Conflict {
    public AlreadyExists(ResourcePointer pointer) {
      super(pointer, "resource " + pointer + " already exists");
    }
  }

  /** The caller's expected version is not the stored one: someone else updated the resource first. */
  public static final class VersionConflict extends Conflict {
    private final long expected;
    private final long actual;

    public VersionConflict(ResourcePointer pointer, long expected, long actual) {
      super(pointer, "resource " + pointer + " update conflict: expected version \"" + versionText(expected)
          + "\", actual version \"" + actual + "\"");
      this.expected = expected;
      this.actual = actual;
    }

    public long expected() {
      return expected;
    }

    public long actual() {
      return actual;
    }

    private static String versionText(long v) {
      return v == 0 ? "undefined" : Long.toString(v);
    }
  }

  /** Only the owner may update, tear down or destroy a resource. */
  public static final class OwnerConflict extends Conflict {
    private final String owner;
    private final String caller;

    public OwnerConflict(ResourcePointer pointer, String owner, String caller) {
      super(pointer, "resource " + pointer + " is owned by \"" + owner + "\", not by \"" + caller + "\"");
      this.owner = owner;
      this.caller = caller;
    }

    public String owner() {
      return owner;
    }

    public String caller() {
      return caller;
    }
  }

  public static final class PhaseConflict extends Conflict {
    private final Phase actual;

    public PhaseConflict(ResourcePointer pointer, Phase expected, Phase actual) {
      super(pointer, "resource " + pointer + " is not in phase " + expected + " (it is " + actual + ")");
      this.actual = actual;
    }

    public Phase actual() {
      return actual;
    }
  }

  /** Destroy was refused because other parties still hold finalizers on the resource. */
  public static final class PendingFinalizers extends Conflict {
    private final List<String> finalizers;

    public PendingFinalizers(ResourcePointer pointer, List<String> finalizers) {
      super(pointer, "resource " + pointer + " has pending finalizers " + finalizers);
      this.finalizers = List.copyOf(finalizers);
    }

    public List<String> finalizers() {
      return finalizers;
    }
  }

  /** A watch bookmark from another process, an earlier run, or a position no longer in the history. */
  public static final class InvalidBookmark extends StateException {
    public InvalidBookmark(ResourceKind kind, String why) {
      super(kind.pointer(""), "invalid watch bookmark for " + kind + ": " + why);
    }
  }

  /** A watch that a derived operation relied on ended with an {@code ERRORED} event. */
  public static final class WatchFailed extends StateException {
    public WatchFailed(ResourcePointer pointer, String error) {
      super(pointer, "watch of " + pointer + " failed: " + error);
    }
  }

  /** The caller's role does not allow the operation (a remote state enforcing access control). */
  public static final class AccessDenied extends StateException {
    public AccessDenied(ResourcePointer pointer, String why) {
      super(pointer, why);
    }
  }

  /** A remote state could not be reached or failed outside the state contract. */
  public static final class Unavailable extends StateException {
    public Unavailable(ResourcePointer pointer, String why, Throwable cause) {
      super(pointer, why);
      initCause(cause);
    }
  }

  /** A request the store cannot serve as asked, such as contradictory watch options. */
  public static final class InvalidRequest extends StateException {
    public InvalidRequest(ResourcePointer pointer, String why) {
      super(pointer, why);
    }
  }
}
