package dev.spindle.benchmarks;

import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.network.linux.RouteCodec;
import dev.spindle.platform.network.linux.RtAttr;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding of one {@code RTM_NEWROUTE} datagram of 64 routes (IPv4 gateway routes with a metric and a preferred
 * source; IPv6 routes in table 1000 with an MTU in the nested RTA_METRICS), as a route dump delivers them:
 * {@link NlMsg#split} and {@link RouteCodec#decode} of each message. One operation is the whole datagram; the setup
 * prints how many attributes it holds (nested metrics counted), so attributes/s = ops/s × that number.
 *
 * <p>Target (issue 6): the codec decodes at least 1 M attributes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class RouteCodecBenchmark {
  private static final int ROUTES = 64;

  private byte[] datagram;

  @Setup
  public void setUp() {
    var out = new ByteArrayOutputStream();
    for (int i = 0; i < ROUTES; i++) {
      RouteMessage r = i % 2 == 0
          ? RouteMessage.of("10." + i + ".0.0", 16, "10.0.0.1", 2 + i % 8, 1024).toBuilder()
              .prefSrc(new byte[] {10, 0, 0, 2}).build()
          : RouteMessage.of("fd00:" + i + "::", 64, "fe80::1", 2 + i % 8, 256).toBuilder().table(1000)
              .mtu(1400).protocol(Rtn.PROT_STATIC).build();
      out.writeBytes(RouteCodec.replaceRequest(i, r));
    }
    datagram = out.toByteArray();
    int attributes = 0;
    for (NlMsg.Message m : NlMsg.split(ByteBuffer.wrap(datagram))) {
      for (RtAttr a : RtAttr.parse(m.payload().duplicate().position(12))) {
        attributes += 1 + (a.type() == RouteCodec.RTA_METRICS ? a.nested().size() : 0);
      }
    }
    System.out.printf("datagram: %d bytes, %d routes, %d attributes%n", datagram.length, ROUTES, attributes);
  }

  @Benchmark
  public void decodeDatagram(Blackhole sink) {
    for (NlMsg.Message m : NlMsg.split(ByteBuffer.wrap(datagram))) {
      sink.consume(RouteCodec.decode(m.payload()));
    }
  }
}
