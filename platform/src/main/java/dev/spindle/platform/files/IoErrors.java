package dev.spindle.platform.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a file-system failure in the words of {@code strerror}, without the path the JDK repeats in its
 * message: callers already say which file they were working on ({@code writing /etc/resolv.conf: permission denied}).
 */
public final class IoErrors {
  private IoErrors() {}

  public static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException x -> "permission denied";
      case NoSuchFileException x -> "no such file or directory";
      case FileAlreadyExistsException x -> "file exists";
      case NotDirectoryException x -> "not a directory";
      case DirectoryNotEmptyException x -> "directory not empty";
      case FileSystemException x when x.getReason() != null -> x.getReason();
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
