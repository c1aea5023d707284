package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.cli.NodeClients.NodeClient;
import dev.spindle.cli.TestTypes.LinkStatus;
import dev.spindle.runtime.codec.SpecMapper;
import dev.spindle.runtime.meta.ResourceDefinitionSpec;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.state.Event;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.Watch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** A watch that ends with ERRORED ends the command with its reason, after printing what came before. */
class GetWatchErrorTest {
  /** Replays the given events, then ends as a watch does after ERRORED. */
  private static final class ScriptedWatch implements Watch {
    private final LinkedBlockingQueue<Event> events;
    private volatile boolean closed;

    ScriptedWatch(List<Event> events) {
      this.events = new LinkedBlockingQueue<>(events);
    }

    @Override
    public Event next() throws InterruptedException {
      if (closed || events.isEmpty()) {
        closed = true;
        throw new ClosedException("watch ended");
      }
      return events.take();
    }

    @Override
    public Event poll(Duration timeout) {
      return events.poll();
    }

    @Override
    public List<Event> nextBatch(int max) throws InterruptedException {
      return List.of(next());
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void erroredEventEndsTheWatchWithItsReason() {
    var store = new InMemoryState();
    Resource<LinkStatus> eth0 = store.create(Resource.of(LinkStatus.DEFINITION, "eth0",
        new LinkStatus("", "ether", "", "52:54:00:12:34:56", "up", true)));
    var kind = LinkStatus.DEFINITION.kind();
    var watch = new ScriptedWatch(List.of(Event.created(eth0, null), Event.bootstrapped(kind.pointer(""), null),
        Event.errored(kind.pointer(""), "watcher fell 5 events behind the history")));
    State state = (State) Proxy.newProxyInstance(State.class.getClassLoader(), new Class<?>[] {State.class},
        (proxy, method, args) -> method.getName().equals("watchKind") ? watch : method.invoke(store, args));
    var out = new StringWriter();
    var type = TypeInfo.fromSpec(LinkStatus.DEFINITION.id(),
        SpecMapper.toTree(ResourceDefinitionSpec.of(LinkStatus.DEFINITION)));
    var getWatch = new GetWatch(new TableOutput(new PrintWriter(out)), new Problems(new PrintWriter(new StringWriter()),
        false), false);

    assertThatThrownBy(() -> getWatch.run(List.of(new NodeClient("n1", new HostPort("n1", 1), state, null)), type, kind,
        null, ResourceQuery.ALL))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.ERROR))
        .hasMessage("watch on node n1 failed: watcher fell 5 events behind the history");
    assertThat(out.toString()).isEqualTo("""
        NODE   *   NAMESPACE   TYPE         ID     VERSION   ALIAS   TYPE    KIND   HW ADDR             OPER STATE   LINK STATE
        n1     +   network     LinkStatus   eth0   1                 ether          52:54:00:12:34:56   up           true
        """);
    assertThat(watch.isClosed()).isTrue();
  }
}
