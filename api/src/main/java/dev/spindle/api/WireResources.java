package dev.spindle.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.spindle.api.cosi.Spec;
import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceDefinition;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceRegistry;
import java.time.Instant;
import java.util.Optional;

/**
 * Converts resources to and from the COSI wire form. Specs of registered types are written as protobuf (field
 * numbers declared on the record) and YAML, and read back from the YAML into the record; specs of unknown types
 * travel as {@link RawSpec}.
 */
public final class WireResources {
  /** Enough for every LinkStatus-sized resource of a busy node; about 1 KB each. */
  public static final int DEFAULT_CACHE = 16_384;

  private final ResourceRegistry registry;
  private final SpecWireCache cache;

  public WireResources(ResourceRegistry registry) {
    this(registry, DEFAULT_CACHE);
  }

  /** @param cachedSpecs how many encoded specs to keep for reuse (0 disables the cache) */
  public WireResources(ResourceRegistry registry, int cachedSpecs) {
    this.registry = registry;
    this.cache = new SpecWireCache(cachedSpecs);
  }

  public ResourceRegistry registry() {
    return registry;
  }

  public dev.spindle.api.cosi.Resource toWire(Resource<?> resource) {
    return dev.spindle.api.cosi.Resource.newBuilder()
        .setMetadata(toWire(resource.metadata()))
        .setSpec(cache.get(resource.spec(), WireResources::specToWire))
        .build();
  }

  /** The wire form of a resource that does not exist: metadata only, version undefined, an empty spec. */
  public static dev.spindle.api.cosi.Resource tombstone(ResourcePointer pointer) {
    return dev.spindle.api.cosi.Resource.newBuilder()
        .setMetadata(toWire(Metadata.of(pointer)))
        .setSpec(Spec.getDefaultInstance())
        .build();
  }

  private static Spec specToWire(Object spec) {
    if (spec instanceof RawSpec raw) {
      return Spec.newBuilder().setProtoSpec(ByteString.copyFrom(raw.proto())).setYamlSpec(raw.yaml()).build();
    }
    return Spec.newBuilder()
        .setProtoSpec(ByteString.copyFrom(ProtoSpecs.encode(spec)))
        .setYamlSpec(ResourceYaml.encodeSpec(spec))
        .build();
  }

  public static dev.spindle.api.cosi.Metadata toWire(Metadata md) {
    return dev.spindle.api.cosi.Metadata.newBuilder()
        .setNamespace(md.namespace())
        .setType(md.type())
        .setId(md.id())
        .setVersion(md.versionText())
        .setOwner(md.owner())
        .setPhase(md.phase().text())
        .setCreated(timestamp(md.created()))
        .setUpdated(timestamp(md.updated()))
        .addAllFinalizers(md.finalizers())
        .putAllLabels(md.labels())
        .putAllAnnotations(md.annotations())
        .build();
  }

  /** Decodes a wire resource; its spec becomes the registered record, or a {@link RawSpec} for unknown types. */
  public Resource<?> fromWire(dev.spindle.api.cosi.Resource wire) {
    if (!wire.hasMetadata()) {
      throw new IllegalArgumentException("metadata is missing");
    }
    if (!wire.hasSpec()) {
      throw new IllegalArgumentException("spec is missing");
    }
    Metadata md = fromWire(wire.getMetadata());
    Optional<ResourceDefinition<?>> definition = registry.find(md.type());
    Spec spec = wire.getSpec();
    if (definition.isEmpty()) {
      return new Resource<>(md, new RawSpec(spec.getProtoSpec().toByteArray(), spec.getYamlSpec()));
    }
    return new Resource<>(md, ResourceYaml.decodeSpec(spec.getYamlSpec(), definition.get().specClass()));
  }

  public static Metadata fromWire(dev.spindle.api.cosi.Metadata md) {
    return new Metadata(md.getNamespace(), md.getType(), md.getId(), parseVersion(md.getVersion()), md.getOwner(),
        Phase.parse(md.getPhase()), md.getFinalizersList(), md.getLabelsMap(), md.getAnnotationsMap(),
        instant(md.getCreated()), instant(md.getUpdated()));
  }

  static long parseVersion(String text) {
    if (text.equals("undefined")) {
      return Metadata.UNDEFINED_VERSION;
    }
    try {
      long v = Long.parseLong(text);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid version \"" + text + "\" (expected a number or undefined)");
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static Instant instant(Timestamp ts) {
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }
}
