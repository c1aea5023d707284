package dev.spindle.cli;

import dev.spindle.cli.NodeClients.NodeClient;
import dev.spindle.cli.WatchMux.NodeEvent;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import java.util.List;

/**
 * {@code get --watch}, as talosctl runs it: the header, then a kind watch with the current resources first (shown
 * as created, {@code +}) or a watch of one id; the bootstrap is printed as one aligned block when it is complete,
 * every later event as soon as it arrives. Ends when the thread is interrupted (Ctrl-C), returning normally, or
 * when a watch fails, with an error.
 */
final class GetWatch {
  private final ResourceWriter writer;
  private final Problems problems;
  private final boolean multiNode;

  GetWatch(ResourceWriter writer, Problems problems, boolean multiNode) {
    this.writer = writer;
    this.problems = problems;
    this.multiNode = multiNode;
  }

  int run(List<NodeClient> nodes, TypeInfo type, ResourceKind kind, String id, ResourceQuery query) {
    writer.writeHeader(type, true);
    try (var mux = new WatchMux()) {
      for (NodeClient node : nodes) {
        try {
          Watch watch = id == null
              ? node.state().watchKind(kind, WatchKindOptions.bootstrap().withQuery(query))
              : node.state().watch(kind.pointer(id));
          mux.add(node.name(), watch);
        } catch (StateException e) {
          problems.report(Failures.describe(e, node, multiNode));
        }
      }
      if (mux.isEmpty()) {
        return problems.exitCode();
      }
      return loop(mux, id != null);
    }
  }

  private int loop(WatchMux mux, boolean bootstrapped) {
    while (true) {
      NodeEvent next;
      try {
        next = mux.take();
      } catch (InterruptedException interrupted) {
        writer.flush();
        return problems.exitCode();
      }
      Event event = next.event();
      switch (event.type()) {
        case ERRORED -> {
          writer.flush();
          throw new CliException(ExitStatus.ERROR, "watch on node " + next.node() + " failed: "
              + event.error());
        }
        case BOOTSTRAPPED -> {
          bootstrapped = true;
          writer.flush();
          continue;
        }
        case NOOP -> {
          continue;
        }
        default -> { }
      }
      if (event.resource() == null) {
        continue; // a watched id that does not exist yet
      }
      writer.writeResource(next.node(), event.resource(), event.type());
      if (bootstrapped) {
        writer.flush();
      }
    }
  }
}
