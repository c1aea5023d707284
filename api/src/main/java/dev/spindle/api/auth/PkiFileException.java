package dev.spindle.api.auth;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PKI file is missing, damaged or inconsistent with the others. The message starts with the file's path and says
 * what is wrong; when this is thrown nothing on disk has been changed.
 */
public final class PkiFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public PkiFileException(Path file, String problem) {
        super(file + ": " + problem + " (nothing was changed on disk)");
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
