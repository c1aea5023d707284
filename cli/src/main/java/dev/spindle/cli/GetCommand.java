package dev.spindle.cli;

import dev.spindle.cli.NodeClients.NodeClient;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.StateException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spindlectl get <type> [id]}: talosctl's {@code get}, against each node directly. */
@Command(name = "get", aliases = "g", mixinStandardHelpOptions = true,
    description = {"Get a specific resource or list of resources (use 'spindlectl get rd' to see all available "
        + "resource types)."})
final class GetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  Spindlectl root;

  @Parameters(index = "0", paramLabel = "<type>", description = "Resource type: type, display type or alias.")
  String type;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<id>", description = "Resource id.")
  String id;

  @Option(names = "--namespace", paramLabel = "<namespace>",
      description = "Resource namespace (default is to use default namespace per resource).")
  String namespace;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "<format>",
      description = "Output mode: table, yaml, json, jsonpath=<template> (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = {"-l", "--selector"}, paramLabel = "<selector>",
      description = "Label selector: key=value, key!=value, key or !key, comma-separated (all must match).")
  String selector;

  @Option(names = {"-w", "--watch"}, description = "Watch resource changes.")
  boolean watch;

  /** The node whose resource definitions resolved the type, and those definitions. */
  private NodeClient catalogNode;
  private List<Resource<?>> catalogDefinitions = List.of();

  @Override
  public Integer call() {
    StartupTrace.mark("arguments parsed");
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResourceWriter writer = OutputFormat.writer(output, out);
    if (selector != null && id != null) {
      throw new CliException(ExitStatus.USAGE, "--selector cannot be used with a resource id");
    }
    ResourceQuery query = selector == null ? ResourceQuery.ALL : Selector.parse(selector);
    ConnectWarmup.start();
    try (NodeClients clients = NodeClients.open(Targets.resolve(root.connection))) {
      var problems = new Problems(err, Spindlectl.debugRequested(spec));
      boolean multiNode = clients.all().size() > 1;
      var live = new ArrayList<>(clients.all());
      TypeInfo resolved = resolve(live, problems, multiNode);
      StartupTrace.mark("type resolved (List of resource definitions)");
      if (resolved == null) {
        return problems.exitCode();
      }
      var kind = new ResourceKind(namespace != null ? namespace : resolved.defaultNamespace(), resolved.type());
      if (watch) {
        return new GetWatch(writer, problems, multiNode).run(live, resolved, kind, id, query);
      }
      list(writer, problems, multiNode, live, resolved, kind, query);
      StartupTrace.mark("listed and printed");
      return problems.exitCode();
    }
  }

  /**
   * Resolves the type against the first node that answers (talosctl uses the first node). Nodes that cannot be
   * reached are reported and dropped; any other failure ends the command. Null if no node answered.
   */
  private TypeInfo resolve(List<NodeClient> live, Problems problems, boolean multiNode) {
    while (!live.isEmpty()) {
      NodeClient first = live.getFirst();
      try {
        TypeCatalog catalog = TypeCatalog.load(first.state());
        catalogNode = first;
        catalogDefinitions = catalog.definitions();
        return catalog.resolve(type);
      } catch (StateException e) {
        CliException failure = Failures.describe(e, first, multiNode);
        if (failure.status() != ExitStatus.UNREACHABLE) {
          throw failure;
        }
        problems.report(failure);
        live.removeFirst();
      }
    }
    return null;
  }

  private void list(ResourceWriter writer, Problems problems, boolean multiNode, List<NodeClient> nodes,
      TypeInfo resolved, ResourceKind kind, ResourceQuery query) {
    writer.writeHeader(resolved, false);
    for (NodeClient node : nodes) {
      try {
        if (id == null) {
          // `get rd` lists what resolving the type just listed: print that rather than ask the node again.
          boolean listed = node == catalogNode && kind.equals(TypeCatalog.DEFINITIONS)
              && query.equals(ResourceQuery.ALL);
          for (Resource<?> resource : listed ? catalogDefinitions : node.state().list(kind, query)) {
            writer.writeResource(node.name(), resource, EventType.CREATED);
          }
        } else {
          writer.writeResource(node.name(), node.state().get(kind.pointer(id)), EventType.CREATED);
        }
      } catch (StateException e) {
        problems.report(Failures.describe(e, node, multiNode));
      }
    }
    writer.flush();
  }
}
