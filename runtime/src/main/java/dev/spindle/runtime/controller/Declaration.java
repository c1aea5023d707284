package dev.spindle.runtime.controller;

import java.util.HashSet;
import java.util.List;

/** What a controller reads and writes, as data: the runtime derives watches, access checks and cleanup from it. */
public record Declaration(List<Input> inputs, List<Output> outputs) {
  public Declaration {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    var keys = new HashSet<String>();
    for (Input in : inputs) {
      if (!keys.add(in.resourceKind() + "/" + in.id())) {
        throw new IllegalArgumentException("input " + in.resourceKind() + " is declared twice");
      }
    }
    var types = new HashSet<String>();
    for (Output out : outputs) {
      if (!types.add(out.type())) {
        throw new IllegalArgumentException("output " + out.type() + " is declared twice");
      }
    }
  }

  public static Declaration of(List<Input> inputs, List<Output> outputs) {
    return new Declaration(inputs, outputs);
  }

  public static List<Input> inputs(Input... inputs) {
    return List.of(inputs);
  }

  public static List<Output> outputs(Output... outputs) {
    return List.of(outputs);
  }
}
