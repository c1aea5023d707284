package dev.spindle.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a file the user named, with the project's exit statuses: missing or not text 1, not readable 5. */
final class LocalFiles {
  private LocalFiles() {}

  static String readUtf8(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CliException(ExitStatus.ERROR, "reading " + file + ": not UTF-8 text", e);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitStatus.ERROR, "reading " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new CliException(ExitStatus.PERMISSION_DENIED, "reading " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new CliException(ExitStatus.ERROR, "reading " + file + ": " + e.getMessage(), e);
    }
  }
}
