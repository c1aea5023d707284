package dev.spindle.benchmarks;

import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.ValidationMode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate of a generated ~2,000-line machine configuration ({@link LargeMachineConfig}: 135 interfaces with
 * addresses, routes and VLANs, env, PEM files, Kubernetes sections, multi-document kinds) by
 * {@link MachineConfigParser}, from the text to the typed {@link MachineConfig}: YAML composition, the schema check
 * of every field name and shape, every value rule, the PEM parses and the conversion of the interfaces to trees.
 *
 * <p>Target: at most 50 ms per configuration after warm-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
@State(Scope.Thread)
public class MachineConfigParseBenchmark {
  /** Interfaces in the generated document; 135 gives about 2,000 lines. */
  @Param("135")
  public int interfaces;

  private String text;

  @Setup
  public void setUp() {
    text = LargeMachineConfig.generate(interfaces);
    var result = MachineConfigParser.check(text, "large.yaml", ValidationMode.METAL);
    if (!result.valid()) { // measuring the error path by accident would be meaningless
      throw new IllegalStateException("the generated configuration is invalid: " + result.errors());
    }
    System.out.printf("generated machine configuration: %d lines, %d characters%n", text.lines().count(),
        text.length());
  }

  @Benchmark
  public MachineConfig parseAndValidate() throws Exception {
    return MachineConfigParser.check(text, "large.yaml", ValidationMode.METAL).orThrow();
  }
}
