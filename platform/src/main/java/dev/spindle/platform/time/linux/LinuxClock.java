package dev.spindle.platform.time.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.ClockException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;

/**
 * Steps {@code CLOCK_REALTIME} with {@code clock_gettime} + {@code clock_settime} through {@code java.lang.foreign}
 * (needs CAP_SYS_TIME; {@code EPERM} otherwise). A step, not a slew: Talos slews offsets under 128 ms with
 * {@code adjtimex}, which Spindle leaves out (the sync controller does not step those at all). Reading and writing the
 * clock are two calls, so the few microseconds between them are lost, well inside what SNTP can measure.
 */
public final class LinuxClock implements ClockAdjuster {
  private static final int CLOCK_REALTIME = 0;
  private static final long NANOS = 1_000_000_000L;
  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  /** struct timespec on 64-bit Linux: time_t tv_sec; long tv_nsec. */
  private static final StructLayout TIMESPEC = MemoryLayout.structLayout(
      ValueLayout.JAVA_LONG.withName("tv_sec"), ValueLayout.JAVA_LONG.withName("tv_nsec"));
  private static final FunctionDescriptor CLOCK_CALL =
      FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
  private static final MethodHandle GETTIME = call("clock_gettime");
  private static final MethodHandle SETTIME = call("clock_settime");

  private static MethodHandle call(String name) {
    MemorySegment symbol = LINKER.defaultLookup().findOrThrow(name);
    return LINKER.downcallHandle(symbol, CLOCK_CALL, Linker.Option.captureCallState("errno"));
  }

  /** Reads {@code CLOCK_REALTIME} (harmless; tests use it to check the {@code timespec} layout). */
  public Instant realtime() throws ClockException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      MemorySegment ts = a.allocate(TIMESPEC);
      check((int) GETTIME.invokeExact(errno, CLOCK_REALTIME, ts), errno, "reading CLOCK_REALTIME");
      return Instant.ofEpochSecond(ts.get(ValueLayout.JAVA_LONG, 0), ts.get(ValueLayout.JAVA_LONG, 8));
    } catch (ClockException | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("calling clock_gettime", t);
    }
  }

  @Override
  public void step(Duration offset) throws ClockException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      MemorySegment ts = a.allocate(TIMESPEC);
      check((int) GETTIME.invokeExact(errno, CLOCK_REALTIME, ts), errno, "reading CLOCK_REALTIME");
      long total = Math.addExact(Math.multiplyExact(ts.get(ValueLayout.JAVA_LONG, 0), NANOS),
          ts.get(ValueLayout.JAVA_LONG, 8));
      long target = Math.addExact(total, offset.toNanos());
      ts.set(ValueLayout.JAVA_LONG, 0, Math.floorDiv(target, NANOS));
      ts.set(ValueLayout.JAVA_LONG, 8, Math.floorMod(target, NANOS));
      check((int) SETTIME.invokeExact(errno, CLOCK_REALTIME, ts), errno, "stepping CLOCK_REALTIME by " + offset);
    } catch (ClockException | RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("calling clock_gettime/clock_settime", t);
    }
  }

  private static void check(int rc, MemorySegment errno, String what) throws ClockException {
    if (rc != 0) {
      throw new ClockException(what, Errno.of((int) ERRNO.get(errno, 0L)));
    }
  }
}
