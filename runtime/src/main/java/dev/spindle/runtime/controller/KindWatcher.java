package dev.spindle.runtime.controller;

import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch per input kind for the whole runtime, fanning events out to the controllers that depend on it. If the
 * watch fails (it fell behind the history), it is reopened and every dependent controller is triggered: controllers
 * re-read their inputs, so a resync loses nothing.
 */
final class KindWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KindWatcher.class);

  record Dependent(ControllerRunner runner, Input input) {}

  private final ResourceKind kind;
  private final State state;
  private final List<Dependent> dependents = new CopyOnWriteArrayList<>();
  private volatile Watch watch;
  private volatile boolean stopped;

  KindWatcher(ResourceKind kind, State state) {
    this.kind = kind;
    this.state = state;
    this.watch = state.watchKind(kind, WatchKindOptions.DEFAULT);
  }

  void add(ControllerRunner runner, Input input) {
    dependents.add(new Dependent(runner, input));
  }

  Thread start() {
    Thread t = Thread.ofVirtual().name("spindle-watch-" + kind.namespace() + "-" + kind.type()).unstarted(this);
    t.start();
    return t;
  }

  void stop() {
    stopped = true;
    watch.close();
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        for (Event e : watch.nextBatch(512)) {
          dispatch(e);
        }
      } catch (Watch.ClosedException ended) {
        if (!stopped) {
          resync();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void dispatch(Event e) {
    if (e.type() == EventType.ERRORED) {
      LOG.warn("watch of {} failed, resynchronising its controllers: {}", kind, e.error());
      return;
    }
    if (!e.isChange()) {
      return;
    }
    boolean destroyReady = e.resource() != null && e.resource().metadata().phase() == Phase.TEARING_DOWN
        && e.resource().metadata().finalizersEmpty();
    for (Dependent d : dependents) {
      Input in = d.input();
      if (in.id() != null && !in.id().equals(e.pointer().id())) {
        continue;
      }
      if (in.kind() == InputKind.DESTROY_READY && !destroyReady) {
        continue;
      }
      d.runner().trigger();
    }
  }

  private void resync() {
    watch = state.watchKind(kind, WatchKindOptions.DEFAULT);
    if (stopped) {
      watch.close();
      return;
    }
    for (Dependent d : dependents) {
      d.runner().trigger();
    }
  }
}
