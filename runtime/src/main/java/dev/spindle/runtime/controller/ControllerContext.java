package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateException;
import dev.spindle.runtime.state.UpdateOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/** The {@link ReconcileContext} of one reconcile: checks every access against the declaration and records writes. */
final class ControllerContext implements ReconcileContext {
  private final State state;
  private final String name;
  private final Declaration declaration;
  private final Logger logger;
  private final Trigger trigger;
  private final Set<ResourcePointer> touched = new HashSet<>();

  ControllerContext(State state, String name, Declaration declaration, Logger logger, Trigger trigger) {
    this.state = state;
    this.name = name;
    this.declaration = declaration;
    this.logger = logger;
    this.trigger = trigger;
  }

  @Override
  public String controllerName() {
    return name;
  }

  @Override
  public Logger logger() {
    return logger;
  }

  @Override
  public Trigger trigger() {
    return trigger;
  }

  @Override
  public <S> List<Resource<S>> list(ResourceDefinition<S> definition, String namespace, ResourceQuery query) {
    ResourceKind kind = definition.kind(namespace);
    checkReadable(kind, null);
    return state.list(kind, query).stream().map(definition::cast).toList();
  }

  @Override
  public <S> Optional<Resource<S>> find(ResourceDefinition<S> definition, String namespace, String id) {
    checkReadable(definition.kind(namespace), id);
    return state.find(definition.pointer(namespace, id)).map(definition::cast);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S> Resource<S> put(Resource<S> desired) {
    Output output = checkWritable(desired.metadata().type());
    ResourcePointer pointer = desired.pointer();
    touched.add(pointer);
    while (true) {
      Optional<Resource<?>> found = state.find(pointer);
      if (found.isEmpty()) {
        try {
          return state.create(desired, name);
        } catch (StateException.AlreadyExists raced) {
          continue;
        }
      }
      Resource<S> current = (Resource<S>) found.get();
      if (current.metadata().phase() == Phase.TEARING_DOWN) {
        Resource<S> revived = revive(current, desired, output);
        if (revived != null) {
          return revived;
        }
        continue;
      }
      var md = current.metadata();
      if (current.spec().equals(desired.spec()) && md.labels().equals(desired.metadata().labels())
          && md.annotations().equals(desired.metadata().annotations())) {
        return current;
      }
      try {
        return state.update(new Resource<>(md.withLabels(desired.metadata().labels())
            .withAnnotations(desired.metadata().annotations()), desired.spec()), UpdateOptions.owner(name));
      } catch (StateException.VersionConflict retry) {
        // changed under us (e.g. a consumer added a finalizer): read again
      }
    }
  }

  /**
   * A put on an output that is being torn down: destroy it and create it afresh once nothing holds it. While
   * consumers still hold finalizers, the output keeps tearing down and the put is deferred to the reconcile that the
   * destroy-ready event triggers (only possible for outputs with cleanup, which the runtime watches for that).
   */
  private <S> Resource<S> revive(Resource<S> current, Resource<S> desired, Output output) {
    if (current.metadata().finalizersEmpty()) {
      try {
        state.destroy(current.pointer(), name);
      } catch (StateException.NotFound gone) {
        // fine: create below
      }
      return null;
    }
    if (output.cleanup() != null) {
      return current;
    }
    throw new StateException.PhaseConflict(desired.pointer(), Phase.RUNNING, Phase.TEARING_DOWN);
  }

  @Override
  public <S> Resource<S> modify(Resource<S> initial, UnaryOperator<Resource<S>> change) {
    checkWritable(initial.metadata().type());
    touched.add(initial.pointer());
    return state.modify(initial, change, UpdateOptions.owner(name));
  }

  @Override
  public boolean teardown(ResourcePointer pointer) {
    checkWritable(pointer.type());
    return state.teardown(pointer, name);
  }

  @Override
  public void destroy(ResourcePointer pointer) {
    checkWritable(pointer.type());
    state.destroy(pointer, name);
  }

  @Override
  public boolean teardownAndDestroy(ResourcePointer pointer) {
    checkWritable(pointer.type());
    try {
      if (!state.teardown(pointer, name)) {
        return false;
      }
      state.destroy(pointer, name);
    } catch (StateException.NotFound gone) {
      // already destroyed
    }
    return true;
  }

  @Override
  public void addFinalizers(ResourcePointer pointer, String... finalizers) {
    checkStrongInput(pointer);
    state.addFinalizers(pointer, finalizers);
  }

  @Override
  public void removeFinalizers(ResourcePointer pointer, String... finalizers) {
    checkStrongInput(pointer);
    try {
      state.removeFinalizers(pointer, finalizers);
    } catch (StateException.NotFound gone) {
      // nothing left to release
    }
  }

  /** Tears down and destroys owned outputs with cleanup that this reconcile did not write. */
  void cleanupUntouched() {
    for (Output output : declaration.outputs()) {
      if (output.cleanup() == null) {
        continue;
      }
      for (Resource<?> r : state.list(output.cleanup())) {
        if (name.equals(r.metadata().owner()) && !touched.contains(r.pointer())) {
          try {
            if (state.teardown(r.pointer(), name)) {
              state.destroy(r.pointer(), name);
            }
          } catch (StateException.NotFound gone) {
            // raced with another destroy
          }
        }
      }
    }
  }

  private void checkReadable(ResourceKind kind, String id) {
    for (Input in : declaration.inputs()) {
      if (in.resourceKind().equals(kind) && (in.id() == null || in.id().equals(id))) {
        return;
      }
    }
    for (Output out : declaration.outputs()) {
      if (out.type().equals(kind.type())) {
        return;
      }
    }
    throw new UndeclaredAccessException("controller \"" + name + "\" read " + kind + (id != null ? " id " + id : "")
        + ", which it declares neither as an input nor as an output");
  }

  private Output checkWritable(String type) {
    for (Output out : declaration.outputs()) {
      if (out.type().equals(type)) {
        return out;
      }
    }
    throw new UndeclaredAccessException("controller \"" + name + "\" wrote " + type
        + ", which it does not declare as an output");
  }

  private void checkStrongInput(ResourcePointer pointer) {
    for (Input in : declaration.inputs()) {
      if (in.kind() == InputKind.STRONG && in.covers(pointer.kind(), pointer.id())) {
        return;
      }
    }
    throw new UndeclaredAccessException("controller \"" + name + "\" changed finalizers of " + pointer
        + ", which it does not declare as a strong input");
  }
}
