package dev.spindle.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A behavioural {@link Sntp}: simulated servers answer with their own clock (true time plus their error) measured
 * against a {@link SimulatedClock}, so offsets follow steps of that clock. It never touches the network: the
 * simulated node's default server {@code time.cloudflare.com} is one of these. A server can be silenced (queries
 * time out), made to send kiss-o'-death or to lose its own sync; an entry no server was added for does not resolve.
 */
public final class FakeSntp implements Sntp {
  /** How a simulated server answers. */
  public enum Behaviour { ANSWER, SILENT, KISS_OF_DEATH, UNSYNCHRONIZED }

  private record Server(Duration error, int stratum, Duration delay, Behaviour behaviour) {}

  private final SimulatedClock local;
  private final Map<String, Server> servers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> queries = new ConcurrentHashMap<>();

  public FakeSntp(SimulatedClock local) {
    this.local = local;
  }

  /** The simulated node's servers: {@code time.cloudflare.com} (stratum 3, exact, 12 ms away), as Talos's default. */
  public static FakeSntp simulatedNode(SimulatedClock local) {
    FakeSntp sntp = new FakeSntp(local);
    sntp.addServer("time.cloudflare.com", 3, Duration.ZERO);
    return sntp;
  }

  /** Adds (or replaces) a server for the entry, its clock {@code error} away from true time. */
  public void addServer(String entry, int stratum, Duration error) {
    servers.put(key(entry), new Server(error, stratum, Duration.ofMillis(12), Behaviour.ANSWER));
  }

  public void behave(String entry, Behaviour behaviour) {
    servers.computeIfPresent(key(entry), (k, s) -> new Server(s.error(), s.stratum(), s.delay(), behaviour));
  }

  /** How many queries the entry's server received. */
  public int queries(String entry) {
    AtomicInteger count = queries.get(key(entry));
    return count == null ? 0 : count.get();
  }

  @Override
  public SntpResult query(SntpServer server, Duration timeout) throws SntpException {
    String key = server.toString();
    Server simulated = servers.get(key);
    if (simulated == null) {
      throw new SntpException(SntpException.Reason.UNRESOLVED, "time server " + key + ": cannot resolve "
          + server.host() + " (not a simulated server)");
    }
    queries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    switch (simulated.behaviour()) {
      case SILENT -> throw new SntpException(SntpException.Reason.TIMEOUT, "time server " + key
          + ": no answer within " + timeout.toMillis() + " ms");
      case KISS_OF_DEATH -> throw new SntpException(SntpException.Reason.KISS_OF_DEATH, "time server " + key
          + ": kiss-o'-death RATE");
      case UNSYNCHRONIZED -> throw new SntpException(SntpException.Reason.UNSYNCHRONIZED, "time server " + key
          + ": the server is not synchronized (leap 3, stratum " + simulated.stratum() + ")");
      case ANSWER -> { }
    }
    Instant serverTime = Instant.now().plus(simulated.error());
    Duration offset = Duration.between(local.now(), serverTime);
    return new SntpResult(server, "simulated", offset, simulated.delay(), simulated.stratum(), Leap.NONE);
  }

  private static String key(String entry) {
    return SntpServer.parse(entry).toString();
  }
}
