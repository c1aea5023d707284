package dev.spindle.platform.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@link NodeFiles} on the local file system below a root directory. It is the real adapter for both platforms (the
 * simulated node passes a temporary directory, Linux passes {@code /}), so its tests run it on a temporary directory
 * and no fake is needed.
 *
 * <p>Containment is checked by resolving every existing prefix of a path with {@link Path#toRealPath} and requiring it
 * to stay below the real root. It guards against configured paths and links left in the tree, not against a process
 * racing to swap directories for links between the check and the write: the root belongs to the node.
 */
public final class LocalNodeFiles implements NodeFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path root;
  private final Path realRoot;

  /** @param root an existing directory */
  public LocalNodeFiles(Path root) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
    if (!Files.isDirectory(realRoot)) {
      throw new IOException("the node's root " + root + " is not a directory");
    }
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public Path resolve(String nodePath) throws IOException {
    Path p = realRoot;
    List<String> segments = NodePaths.segments(nodePath);
    for (int i = 0; i < segments.size(); i++) {
      Path next = p.resolve(segments.get(i));
      if (Files.isSymbolicLink(next)) {
        try {
          next = next.toRealPath();
        } catch (NoSuchFileException dangling) {
          throw new PathOutsideRootException(nodePath, "the symbolic link " + hostToNode(p.resolve(segments.get(i)))
              + " points to " + Files.readSymbolicLink(p.resolve(segments.get(i))) + ", which does not exist");
        }
        if (!next.startsWith(realRoot)) {
          throw new PathOutsideRootException(nodePath, "the symbolic link " + hostToNode(p.resolve(segments.get(i)))
              + " points to " + next);
        }
      } else if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
        return next.resolve(String.join("/", segments.subList(i + 1, segments.size())));
      }
      p = next;
    }
    return p;
  }

  @Override
  public Optional<byte[]> read(String nodePath) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(resolve(nodePath)));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    }
  }

  @Override
  public boolean exists(String nodePath) throws IOException {
    return Files.exists(resolve(nodePath), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public boolean isRegularFile(String nodePath) throws IOException {
    return Files.isRegularFile(resolve(nodePath), LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public OptionalInt mode(String nodePath) throws IOException {
    Path p = resolve(nodePath);
    try {
      return OptionalInt.of(((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 07777);
    } catch (NoSuchFileException missing) {
      return OptionalInt.empty();
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return Files.exists(p) ? OptionalInt.of(bits(Files.getPosixFilePermissions(p))) : OptionalInt.empty();
    }
  }

  @Override
  public void writeAtomically(String nodePath, byte[] contents, int mode) throws IOException {
    Path target = resolve(nodePath);
    if (target.equals(realRoot)) {
      throw new IOException("writing " + NodePaths.normalize(nodePath) + ": it is the root directory");
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("writing " + NodePaths.normalize(nodePath) + ": it is a directory");
    }
    Path dir = target.getParent();
    Path temp = dir.resolve("." + target.getFileName() + ".spindle-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
        ByteBuffer buffer = ByteBuffer.wrap(contents);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      setMode(temp, mode);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw new IOException("writing " + NodePaths.normalize(nodePath) + ": " + IoErrors.reason(e), e);
    } catch (RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    syncDirectory(dir);
  }

  @Override
  public boolean delete(String nodePath) throws IOException {
    Path p = resolve(nodePath);
    boolean deleted = Files.deleteIfExists(p);
    if (deleted) {
      syncDirectory(p.getParent());
    }
    return deleted;
  }

  @Override
  public List<String> list(String nodeDirectory) throws IOException {
    Path dir = resolve(nodeDirectory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    var out = new ArrayList<String>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> out.add(hostToNode(p)));
    }
    out.sort(null);
    return out;
  }

  private String hostToNode(Path hostPath) {
    Path relative = realRoot.relativize(hostPath);
    var segments = new ArrayList<String>();
    relative.forEach(s -> segments.add(s.toString()));
    return "/" + String.join("/", segments);
  }

  private static void setMode(Path p, int mode) throws IOException {
    try {
      Files.setAttribute(p, "unix:mode", mode & 07777);
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      Files.setPosixFilePermissions(p, permissions(mode));
    }
  }

  /** fsync of the directory, so the rename itself survives a crash (rename is atomic, not durable). */
  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    var out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < order.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        out.add(order[i]);
      }
    }
    return out;
  }

  private static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 0400 >> p.ordinal();
    }
    return mode;
  }

  @Override
  public String toString() {
    return "LocalNodeFiles[" + root + "]";
  }
}
