package dev.spindle.cli;

import dev.spindle.cli.NodeClients.NodeClient;
import dev.spindle.runtime.state.StateException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what a node call throws into the one line and exit status the user sees. Transport failures are told apart
 * by the exception chain under the gRPC status (connection refused, unknown host, TLS), not by status text, so the
 * message says what actually went wrong: {@code cannot reach 10.0.0.5:50000: connection refused}.
 */
final class Failures {
  private Failures() {}

  /** {@code multiNode}: name the node in messages that would not say which node answered. */
  static CliException describe(RuntimeException e, NodeClient node, boolean multiNode) {
    String where = multiNode ? " (node " + node.name() + ")" : "";
    return switch (e) {
      case CliException cli -> cli;
      case StateException.AccessDenied denied ->
          new CliException(ExitStatus.PERMISSION_DENIED, "permission denied: " + denied.getMessage() + where, e);
      case StateException.NotFound notFound -> new CliException(ExitStatus.NOT_FOUND, notFound.getMessage() + where, e);
      case StateException.Unavailable unavailable -> transport(unavailable, node.address());
      default -> new CliException(ExitStatus.ERROR, e.getMessage() + where, e);
    };
  }

  /**
   * A failed call of a service other than State (which maps its own errors to {@code StateException}s): the gRPC
   * status decides the exit status, the server's description is the message.
   */
  static CliException describe(StatusRuntimeException e, NodeClient node, boolean multiNode) {
    String where = multiNode ? " (node " + node.name() + ")" : "";
    String description = e.getStatus().getDescription();
    return switch (e.getStatus().getCode()) {
      case PERMISSION_DENIED -> new CliException(ExitStatus.PERMISSION_DENIED, "permission denied: " + description
          + where, e);
      case INVALID_ARGUMENT, FAILED_PRECONDITION, UNIMPLEMENTED ->
          new CliException(ExitStatus.ERROR, description + where, e);
      case NOT_FOUND -> new CliException(ExitStatus.NOT_FOUND, description + where, e);
      // only these say the node was not reached (or did not let us in); every other code is the node's answer
      case UNAVAILABLE, DEADLINE_EXCEEDED, UNAUTHENTICATED, CANCELLED -> transport(e, node.address());
      default -> new CliException(ExitStatus.ERROR, e.getStatus().getCode() + ": " + description + where, e);
    };
  }

  private static CliException transport(Throwable e, HostPort address) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      switch (t) {
        case SSLException ssl -> {
          return new CliException(ExitStatus.UNREACHABLE, "TLS handshake with " + address + " failed: " + tlsReason(ssl),
              e);
        }
        case CertificateException cert -> {
          return new CliException(ExitStatus.UNREACHABLE, "TLS handshake with " + address + " failed: "
              + cert.getMessage(), e);
        }
        case UnknownHostException unknown -> {
          return unreachable(address, "unknown host", e);
        }
        case NoRouteToHostException noRoute -> {
          return unreachable(address, "no route to host", e);
        }
        case ConnectException connect -> {
          return unreachable(address, connectReason(connect.getMessage()), e);
        }
        case SocketTimeoutException timeout -> {
          return unreachable(address, "timed out", e);
        }
        case StatusRuntimeException status when status.getStatus().getCode() == Status.Code.UNAUTHENTICATED -> {
          return new CliException(ExitStatus.UNREACHABLE, address + " refused the client certificate: "
              + status.getStatus().getDescription(), e);
        }
        case StatusRuntimeException status when status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED -> {
          return unreachable(address, "timed out", e);
        }
        default -> { }
      }
    }
    return unreachable(address, lowerFirst(e.getMessage()), e);
  }

  private static CliException unreachable(HostPort address, String why, Throwable e) {
    return new CliException(ExitStatus.UNREACHABLE, "cannot reach " + address + ": " + why, e);
  }

  /** Netty's messages carry the address and syscall ("finishConnect(..) failed: Connection refused: /1.2.3.4:5"). */
  private static String connectReason(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    for (String reason : new String[] {"connection refused", "network is unreachable", "no route to host",
        "connection timed out", "host is down"}) {
      if (m.contains(reason)) {
        return reason;
      }
    }
    return message == null ? "connection failed" : lowerFirst(message);
  }

  /**
   * The innermost message is the specific one (an alert, a certificate problem). BoringSSL reports alerts as
   * {@code error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED}; the common ones get a
   * sentence, with the alert name kept for searching.
   */
  private static String tlsReason(SSLException ssl) {
    Throwable deepest = ssl;
    for (Throwable t = ssl; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        deepest = t;
      }
    }
    String message = deepest.getMessage() == null ? ssl.getClass().getSimpleName() : deepest.getMessage();
    int internal = message.lastIndexOf("OPENSSL_internal:");
    if (internal < 0) {
      return message;
    }
    String alert = message.substring(internal + "OPENSSL_internal:".length());
    String sentence = switch (alert) {
      case "TLSV1_ALERT_CERTIFICATE_REQUIRED", "SSLV3_ALERT_BAD_CERTIFICATE", "TLSV1_ALERT_UNKNOWN_CA" ->
          "the node refused the client certificate; it must be issued by the node's CA";
      case "SSLV3_ALERT_CERTIFICATE_EXPIRED" -> "the node refused the client certificate as expired";
      case "CERTIFICATE_VERIFY_FAILED" -> "the node's certificate is not issued by the CA in the client config";
      default -> null;
    };
    return sentence == null ? alert : sentence + " (" + alert + ")";
  }

  private static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "unavailable";
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
