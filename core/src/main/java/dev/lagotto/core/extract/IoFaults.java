package dev.lagotto.core.extract;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/** The report reasons of I/O errors: one short stable reason per kind of fault. */
public final class IoFaults {
  public static final String PERMISSION_DENIED = "permission denied";
  public static final String VANISHED = "vanished before it could be read";
  public static final String SYMLINK_LOOP = "symbolic link loop";
  public static final String IO_ERROR = "I/O error";
  public static final String INTERNAL_ERROR = "internal error";

  private IoFaults() {}

  /** The failed result for {@code e}, keeping what was scanned before it. */
  public static SourceResult failed(IOException e, long bytes, long findings) {
    if (e instanceof SourceFault f) {
      return f.policy()
          ? new SourceResult(SourceResult.Status.SKIPPED, f.reason(), f.detail(), bytes, findings)
          : SourceResult.failed(f.reason(), f.detail(), bytes, findings);
    }
    if (e instanceof AccessDeniedException) {
      return SourceResult.failed(PERMISSION_DENIED, "", bytes, findings);
    }
    if (e instanceof NoSuchFileException) {
      return SourceResult.failed(VANISHED, "", bytes, findings);
    }
    if (e instanceof FileSystemLoopException) {
      return SourceResult.skipped(SYMLINK_LOOP, "");
    }
    String message = e.getMessage();
    return SourceResult.failed(IO_ERROR, message == null ? e.getClass().getSimpleName() : message, bytes, findings);
  }
}
