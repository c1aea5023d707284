package dev.spindle.resources.config;

/**
 * One {@code machine.files[]} entry: {@code op} is {@code create}, {@code append} or {@code overwrite};
 * {@code permissions} is the file mode (0 when unset).
 */
public record MachineFile(String content, int permissions, String path, String op) {
  /** Without the content, which may be a secret. */
  @Override
  public String toString() {
    return "MachineFile[" + path + " (" + op + "), permissions=0" + Integer.toOctalString(permissions) + ", "
        + (content == null ? 0 : content.length()) + " characters]";
  }
}
