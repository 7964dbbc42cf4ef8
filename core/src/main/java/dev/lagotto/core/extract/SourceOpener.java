package dev.lagotto.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file for reading. The default is {@link Files#newInputStream}; tests and the agent substitute
 * their own (to inject faults the OS will not produce for root, or to cap the read rate).
 */
@FunctionalInterface
public interface SourceOpener {
  SourceOpener FILES = path -> Files.newInputStream(path);

  InputStream open(Path path) throws IOException;
}
