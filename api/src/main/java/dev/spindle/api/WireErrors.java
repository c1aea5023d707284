package dev.spindle.api;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.state.StateException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.List;

/**
 * Maps {@link StateException}s to gRPC statuses with COSI's codes (so Go COSI clients classify them) and back. The
 * server also attaches the exact error kind and its details as trailers, so a Spindle client rebuilds the same typed
 * exception; for other servers the client falls back to the status code and the operation.
 */
public final class WireErrors {
  public static final Metadata.Key<String> KIND = Metadata.Key.of("spindle-error", Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> DETAIL =
      Metadata.Key.of("spindle-error-detail", Metadata.ASCII_STRING_MARSHALLER);

  /** The RPC an error belongs to, since COSI maps some errors differently per RPC. */
  public enum Op { GET, LIST, CREATE, UPDATE, DESTROY, WATCH, TEARDOWN, TEARDOWN_AND_DESTROY }

  private WireErrors() {}

  public static StatusRuntimeException toStatus(StateException e, Op op) {
    Status status = switch (e) {
      case StateException.NotFound x -> Status.NOT_FOUND;
      case StateException.AlreadyExists x -> Status.ALREADY_EXISTS;
      case StateException.OwnerConflict x -> Status.PERMISSION_DENIED;
      case StateException.PhaseConflict x -> op == Op.UPDATE ? Status.INVALID_ARGUMENT : Status.FAILED_PRECONDITION;
      case StateException.VersionConflict x -> Status.FAILED_PRECONDITION;
      case StateException.PendingFinalizers x -> Status.FAILED_PRECONDITION;
      case StateException.InvalidBookmark x -> Status.FAILED_PRECONDITION;
      case StateException.InvalidRequest x -> Status.INVALID_ARGUMENT;
      case StateException.AccessDenied x -> Status.PERMISSION_DENIED;
      case StateException.WatchFailed x -> Status.ABORTED;
      case StateException.Unavailable x -> Status.UNAVAILABLE;
    };
    var trailers = new Metadata();
    trailers.put(KIND, e.getClass().getSimpleName());
    String detail = detail(e);
    if (!detail.isEmpty()) {
      trailers.put(DETAIL, detail);
    }
    return status.withDescription(e.getMessage()).asRuntimeException(trailers);
  }

  private static String detail(StateException e) {
    return switch (e) {
      case StateException.VersionConflict v -> v.expected() + "," + v.actual();
      case StateException.OwnerConflict o -> ascii(o.owner()) + "," + ascii(o.caller());
      case StateException.PhaseConflict p -> p.actual().text();
      case StateException.PendingFinalizers f -> String.join(",", f.finalizers().stream().map(WireErrors::ascii).toList());
      default -> "";
    };
  }

  /** Trailer values must be printable ASCII; anything else is percent-escaped. */
  private static String ascii(String s) {
    var sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x21 && c < 0x7f && c != '%' && c != ',') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static String unascii(String s) {
    var sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 4 < s.length()) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Rebuilds the typed error of a failed call about {@code pointer}. */
  public static StateException fromStatus(StatusRuntimeException e, ResourcePointer pointer, Op op) {
    Metadata trailers = e.getTrailers();
    String kind = trailers == null ? null : trailers.get(KIND);
    String detail = trailers == null ? null : trailers.get(DETAIL);
    String message = e.getStatus().getDescription() == null ? e.getStatus().getCode().toString()
        : e.getStatus().getDescription();
    if (kind != null) {
      StateException typed = fromKind(kind, detail == null ? "" : detail, pointer, message);
      if (typed != null) {
        return typed;
      }
    }
    return switch (e.getStatus().getCode()) {
      case NOT_FOUND -> new StateException.NotFound(pointer);
      case ALREADY_EXISTS -> new StateException.AlreadyExists(pointer);
      case PERMISSION_DENIED -> op == Op.GET || op == Op.LIST || op == Op.WATCH
          ? new StateException.AccessDenied(pointer, message)
          : new StateException.OwnerConflict(pointer, "?", "?");
      case INVALID_ARGUMENT -> op == Op.UPDATE
          ? new StateException.PhaseConflict(pointer, Phase.RUNNING, Phase.TEARING_DOWN)
          : new StateException.InvalidRequest(pointer, message);
      case FAILED_PRECONDITION -> switch (op) {
        case UPDATE -> new StateException.VersionConflict(pointer, 0, 0);
        case WATCH -> new StateException.InvalidBookmark(pointer.kind(), message);
        default -> new StateException.PendingFinalizers(pointer, List.of());
      };
      default -> new StateException.Unavailable(pointer, message, e);
    };
  }

  private static StateException fromKind(String kind, String detail, ResourcePointer pointer, String message) {
    String[] parts = detail.isEmpty() ? new String[0] : detail.split(",", -1);
    return switch (kind) {
      case "NotFound" -> new StateException.NotFound(pointer);
      case "AlreadyExists" -> new StateException.AlreadyExists(pointer);
      case "VersionConflict" -> parts.length == 2
          ? new StateException.VersionConflict(pointer, Long.parseLong(parts[0]), Long.parseLong(parts[1])) : null;
      case "OwnerConflict" -> parts.length == 2
          ? new StateException.OwnerConflict(pointer, unascii(parts[0]), unascii(parts[1])) : null;
      case "PhaseConflict" -> {
        Phase actual = parts.length == 1 ? Phase.parse(parts[0]) : Phase.TEARING_DOWN;
        yield new StateException.PhaseConflict(pointer, actual == Phase.RUNNING ? Phase.TEARING_DOWN : Phase.RUNNING,
            actual);
      }
      case "PendingFinalizers" -> new StateException.PendingFinalizers(pointer,
          Arrays.stream(parts).map(WireErrors::unascii).toList());
      case "InvalidBookmark" -> new StateException.InvalidBookmark(pointer.kind(), strip(message));
      case "InvalidRequest" -> new StateException.InvalidRequest(pointer, message);
      case "AccessDenied" -> new StateException.AccessDenied(pointer, message);
      case "WatchFailed" -> new StateException.WatchFailed(pointer, message);
      default -> null;
    };
  }

  private static String strip(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }
}
