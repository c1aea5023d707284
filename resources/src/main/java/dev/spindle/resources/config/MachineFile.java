package dev.spindle.resources.config;

/**
 * One {@code machine.files[]} entry: {@code op} is {@code create}, {@code append} or {@code overwrite};
 * {@code permissions} is the file mode (0 when unset).
 */
public record MachineFile(String content, int permissions, String path, String op) {}
