package dev.spindle.benchmarks;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.linux.AddressCodec;
import dev.spindle.platform.network.linux.NlMsg;
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
 * Decoding of one {@code RTM_NEWADDR} datagram of 64 addresses (IPv4 with broadcast, label and metric; IPv6 with
 * IFA_FLAGS and lifetimes), as an address dump delivers them: {@link NlMsg#split} and {@link AddressCodec#decode} of
 * each message. One operation is the whole datagram; the setup prints how many attributes it holds, so
 * attributes/s = ops/s × that number.
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
public class AddressCodecBenchmark {
  private static final int ADDRESSES = 64;

  private byte[] datagram;

  @Setup
  public void setUp() {
    var out = new ByteArrayOutputStream();
    for (int i = 0; i < ADDRESSES; i++) {
      AddressMessage a = i % 2 == 0
          ? AddressMessage.of(2 + i % 8, new byte[] {10, 0, (byte) i, 1}, 24).toBuilder()
              .broadcast(new byte[] {10, 0, (byte) i, (byte) 255}).label("eth" + i % 8).priority(1024).build()
          : AddressMessage.builder(Ifa.AF_INET6, 2 + i % 8)
              .address(new byte[] {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) i})
              .prefixLength(64).flags(Ifa.F_NODAD | Ifa.F_NOPREFIXROUTE).preferredLifetime(1800)
              .validLifetime(3600).build();
      out.writeBytes(AddressCodec.replaceRequest(i, a));
    }
    datagram = out.toByteArray();
    int attributes = 0;
    for (NlMsg.Message m : NlMsg.split(ByteBuffer.wrap(datagram))) {
      attributes += RtAttr.parse(m.payload().duplicate().position(8)).size();
    }
    System.out.printf("datagram: %d bytes, %d addresses, %d attributes%n", datagram.length, ADDRESSES, attributes);
  }

  @Benchmark
  public void decodeDatagram(Blackhole sink) {
    for (NlMsg.Message m : NlMsg.split(ByteBuffer.wrap(datagram))) {
      sink.consume(AddressCodec.decode(m.payload()));
    }
  }
}
