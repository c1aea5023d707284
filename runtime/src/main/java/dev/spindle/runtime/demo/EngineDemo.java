package dev.spindle.runtime.demo;

import dev.spindle.runtime.controller.ControllerRuntime;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.EventType;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.Watch;
import dev.spindle.runtime.state.WatchKindOptions;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The engine on its own: an in-memory state, one controller deriving banners from greetings, and a watch printing
 * banner events the way {@code talosctl get --watch} marks them ({@code +} created, blank updated, {@code -}
 * destroyed).
 */
public final class EngineDemo {
  private EngineDemo() {}

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    var state = new InMemoryState();
    try (var runtime = new ControllerRuntime(state);
        Watch banners = state.watchKind(Banner.DEFINITION.kind(), WatchKindOptions.bootstrap())) {
      runtime.register(new BannerController());
      runtime.start();
      out.printf("%-2s%-10s%-8s%-8s%-9s%s%n", "*", "NAMESPACE", "TYPE", "ID", "VERSION", "TEXT");

      var world = state.create(Resource.of(Greeting.DEFINITION, "world", new Greeting("world")));
      print(out, awaitChange(banners));
      state.update(world.withSpec(new Greeting("Spindle")));
      print(out, awaitChange(banners));
      state.destroy(world.pointer());
      Event e;
      do { // the runtime tears the orphaned banner down, then destroys it
        e = awaitChange(banners);
        print(out, e);
      } while (e.type() != EventType.DESTROYED);
    }
  }

  private static Event awaitChange(Watch watch) throws InterruptedException {
    while (true) {
      Event e = watch.poll(Duration.ofSeconds(10));
      if (e == null) {
        throw new IllegalStateException("no banner event within 10 s");
      }
      if (e.isChange()) {
        return e;
      }
      if (e.type() == EventType.ERRORED) {
        throw new IllegalStateException(e.error());
      }
    }
  }

  private static void print(PrintStream out, Event e) {
    String marker = switch (e.type()) {
      case CREATED -> "+";
      case DESTROYED -> "-";
      default -> " ";
    };
    Resource<Banner> banner = Banner.DEFINITION.cast(e.resource());
    var md = banner.metadata();
    out.printf("%-2s%-10s%-8s%-8s%-9s%s%n", marker, md.namespace(), Banner.DEFINITION.displayType(), md.id(),
        md.versionText(), banner.spec().text());
  }
}
