package dev.spindle.runtime.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Encodes spec records to protobuf from their {@link ProtoField} numbers, with proto3 conventions: default values
 * (zero, false, empty) are omitted, repeated numeric fields are packed, maps are repeated key/value entries, nested
 * records are embedded messages, {@link Duration} and {@link Instant} are the well-known {@code Duration} and
 * {@code Timestamp} messages, a {@link ProtoValue} is encoded as its {@code protoValue()}. Any other value type is
 * written as its text form.
 */
public final class ProtoSpecs {
  private ProtoSpecs() {}

  public static byte[] encode(Object spec) {
    if (spec == null || !spec.getClass().isRecord()) {
      return new byte[0];
    }
    var w = new ProtoWriter();
    writeRecord(w, spec);
    return w.toByteArray();
  }

  /** A numbered component of a spec record and a fast accessor for it. */
  private record Field(int number, String name, MethodHandle accessor) {}

  // Reflection on record components is slow and uncached by the JDK; resolve each spec class once.
  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      var fields = new ArrayList<Field>();
      for (RecordComponent c : type.getRecordComponents()) {
        ProtoField field = c.getAnnotation(ProtoField.class);
        if (field == null) {
          field = c.getAccessor().getAnnotation(ProtoField.class);
        }
        if (field == null) {
          continue;
        }
        try {
          Method accessor = c.getAccessor();
          accessor.setAccessible(true);
          fields.add(new Field(field.value(), c.getName(),
              MethodHandles.lookup().unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class))));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("spec " + type.getName() + "." + c.getName() + " is not readable", e);
        }
      }
      return List.copyOf(fields);
    }
  };

  private static void writeRecord(ProtoWriter w, Object record) {
    for (Field f : FIELDS.get(record.getClass())) {
      Object value;
      try {
        value = f.accessor().invokeExact(record);
      } catch (Throwable e) {
        throw new IllegalStateException("reading " + record.getClass().getSimpleName() + "." + f.name(), e);
      }
      writeField(w, f.number(), value);
    }
  }

  private static void writeField(ProtoWriter w, int field, Object wrapped) {
    Object value = unwrap(wrapped);
    switch (value) {
      case null -> { }
      case Collection<?> list -> writeRepeated(w, field, list);
      case Map<?, ?> map -> {
        for (var e : map.entrySet()) {
          var entry = new ProtoWriter();
          writeSingle(entry, 1, e.getKey(), true);
          writeSingle(entry, 2, e.getValue(), true);
          w.bytes(field, entry.toByteArray());
        }
      }
      default -> writeSingle(w, field, value, false);
    }
  }

  private static void writeRepeated(ProtoWriter w, int field, Collection<?> list) {
    if (list.isEmpty()) {
      return;
    }
    Object first = unwrap(list.iterator().next());
    if (first instanceof Number || first instanceof Boolean || first instanceof Enum<?>) {
      var packed = new ProtoWriter();
      for (Object v : list) {
        writeScalarPayload(packed, unwrap(v));
      }
      w.bytes(field, packed.toByteArray());
      return;
    }
    for (Object v : list) {
      writeSingle(w, field, v, true);
    }
  }

  /** Writes one value; {@code always} keeps defaults, as repeated elements and map entries require. */
  private static void writeSingle(ProtoWriter w, int field, Object wrapped, boolean always) {
    Object value = unwrap(wrapped);
    switch (value) {
      case null -> { }
      case String s -> {
        if (always || !s.isEmpty()) {
          w.string(field, s);
        }
      }
      case byte[] b -> {
        if (always || b.length > 0) {
          w.bytes(field, b);
        }
      }
      case Boolean b -> {
        if (always || b) {
          w.tag(field, ProtoWriter.VARINT);
          w.varint(b ? 1 : 0);
        }
      }
      case Float f -> {
        if (always || f != 0) {
          w.tag(field, ProtoWriter.FIXED32);
          w.fixed32(Float.floatToIntBits(f));
        }
      }
      case Double d -> {
        if (always || d != 0) {
          w.tag(field, ProtoWriter.FIXED64);
          w.fixed64(Double.doubleToLongBits(d));
        }
      }
      case Number n -> {
        if (always || n.longValue() != 0) {
          w.tag(field, ProtoWriter.VARINT);
          w.varint(n.longValue());
        }
      }
      case Enum<?> e -> {
        long number = enumNumber(e);
        if (always || number != 0) {
          w.tag(field, ProtoWriter.VARINT);
          w.varint(number);
        }
      }
      case Duration d -> w.bytes(field, secondsAndNanos(d.getSeconds(), d.getNano()));
      case Instant i -> w.bytes(field, secondsAndNanos(i.getEpochSecond(), i.getNano()));
      default -> {
        if (value.getClass().isRecord()) {
          var nested = new ProtoWriter();
          writeRecord(nested, value);
          w.bytes(field, nested.toByteArray());
        } else {
          writeSingle(w, field, value.toString(), always);
        }
      }
    }
  }

  private static void writeScalarPayload(ProtoWriter w, Object v) {
    switch (v) {
      case Boolean b -> w.varint(b ? 1 : 0);
      case Float f -> w.fixed32(Float.floatToIntBits(f));
      case Double d -> w.fixed64(Double.doubleToLongBits(d));
      case Number n -> w.varint(n.longValue());
      case Enum<?> e -> w.varint(enumNumber(e));
      default -> throw new IllegalArgumentException("not a packable scalar: " + v.getClass());
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof ProtoValue p ? unwrap(p.protoValue()) : value;
  }

  private static long enumNumber(Enum<?> e) {
    return e instanceof ProtoEnum p ? p.protoNumber() : e.ordinal();
  }

  private static byte[] secondsAndNanos(long seconds, int nanos) {
    var m = new ProtoWriter();
    if (seconds != 0) {
      m.tag(1, ProtoWriter.VARINT);
      m.varint(seconds);
    }
    if (nanos != 0) {
      m.tag(2, ProtoWriter.VARINT);
      m.varint(nanos);
    }
    return m.toByteArray();
  }
}
