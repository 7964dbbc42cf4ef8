package dev.lagotto.agent.scan;

import dev.lagotto.agent.output.GroupedReport;
import dev.lagotto.core.extract.IoFaults;
import dev.lagotto.core.extract.SourceOpener;
import dev.lagotto.core.extract.SourceReader;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.finding.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scan of the sources named on the command line: walks directories on the calling thread (filters,
 * symlink policy and loop detection, special files), and reads files on {@code threads} worker threads
 * through the {@link SourceReader}; every source ends as findings plus, unless it was scanned whole, one
 * skip record in the {@link GroupedReport}. At most {@code 2 * threads} files are queued, so memory does
 * not grow with the size of the tree. Never throws for a bad source. One run per instance.
 */
public final class ScanRun {
  public static final String STDIN = "-";
  public static final String NO_SUCH_FILE = "no such file or directory";
  public static final String NOT_REGULAR = "not a regular file";
  public static final String TOO_LARGE = "larger than --max-file-size";
  public static final String SYMLINK_NOT_FOLLOWED = "symbolic link not followed";
  public static final String DANGLING_SYMLINK = "dangling symbolic link";
  public static final String INVALID_PATH = "invalid path";
  private static final int QUEUED_PER_THREAD = 2;

  private final ScanOptions options;
  private final SourceReader reader;
  private final SourceOpener opener;
  private final InputStream stdin;
  private final String host;
  private final PathFilter filter;

  public ScanRun(ScanOptions options, SourceReader reader, SourceOpener opener, InputStream stdin, String host) {
    this.options = options;
    this.reader = reader;
    this.opener = opener;
    this.stdin = stdin;
    this.host = host;
    this.filter = new PathFilter(options.includes(), options.excludes());
  }

  /** Scans every source into {@code report}; returns when all are done. */
  public void run(List<String> sources, GroupedReport report) throws InterruptedException {
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "lagotto-scan-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Semaphore queued = new Semaphore(options.threads() * QUEUED_PER_THREAD);
    Submitter submit = task -> {
      queued.acquire();
      pool.execute(() -> {
        try {
          task.run();
        } finally {
          queued.release();
        }
      });
    };
    try {
      for (String source : sources) {
        if (STDIN.equals(source)) {
          SourceRef ref = new SourceRef("stdin", "stdin", host);
          submit.submit(() -> readStream(ref, report));
        } else {
          source(source, report, submit);
        }
      }
    } finally {
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        Thread.onSpinWait();
      }
    }
  }

  private void source(String name, GroupedReport report, Submitter submit) throws InterruptedException {
    Path path;
    try {
      path = Path.of(name).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      report.skip(new SourceRef("file", name, host), SourceResult.failed(INVALID_PATH, e.getReason(), 0, 0));
      return;
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      report.skip(ref(path), SourceResult.failed(NO_SUCH_FILE, "", 0, 0));
      return;
    } catch (IOException e) {
      report.skip(ref(path), IoFaults.failed(e, 0, 0));
      return;
    }
    if (attrs.isDirectory()) {
      walk(path, report, submit);
    } else {
      file(path, attrs, report, submit);
    }
  }

  private void walk(Path root, GroupedReport report, Submitter submit) throws InterruptedException {
    Path start = root;
    if (Files.isSymbolicLink(root)) {
      try {
        start = root.toRealPath();
      } catch (IOException e) {
        report.skip(ref(root), IoFaults.failed(e, 0, 0));
        return;
      }
    }
    Path base = start;
    Set<FileVisitOption> visit = options.followSymlinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
    try {
      Files.walkFileTree(base, visit, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(base) && filter.prunes(base.relativize(dir))) {
            report.stats().excluded();
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (!filter.accepts(base.relativize(file))) {
            report.stats().excluded();
            return FileVisitResult.CONTINUE;
          }
          try {
            file(file, attrs, report, submit);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          if (e instanceof FileSystemLoopException) {
            report.skip(ref(file), SourceResult.skipped(IoFaults.SYMLINK_LOOP, "leads back to " + e.getMessage()));
          } else if (e instanceof NoSuchFileException) {
            report.skip(ref(file), SourceResult.failed(IoFaults.VANISHED, "", 0, 0));
          } else if (e instanceof AccessDeniedException) {
            report.skip(ref(file), SourceResult.failed(IoFaults.PERMISSION_DENIED, "", 0, 0));
          } else {
            report.skip(ref(file), IoFaults.failed(e, 0, 0));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
          if (e != null) {
            report.skip(ref(dir), IoFaults.failed(e, 0, 0));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("scan interrupted");
      }
      report.skip(ref(root), IoFaults.failed(e, 0, 0));
    }
  }

  private void file(Path path, BasicFileAttributes attrs, GroupedReport report, Submitter submit) throws InterruptedException {
    SourceRef ref = ref(path);
    if (attrs.isSymbolicLink()) {
      report.skip(ref, options.followSymlinks()
          ? SourceResult.skipped(DANGLING_SYMLINK, "")
          : SourceResult.skipped(SYMLINK_NOT_FOLLOWED, "use --follow-symlinks"));
      return;
    }
    if (!attrs.isRegularFile()) {
      report.skip(ref, SourceResult.skipped(NOT_REGULAR, specialKind(path)));
      return;
    }
    if (options.maxFileSize() >= 0 && attrs.size() > options.maxFileSize()) {
      report.skip(ref, SourceResult.skipped(TOO_LARGE, attrs.size() + " > " + options.maxFileSize() + " bytes"));
      return;
    }
    submit.submit(() -> {
      GroupedReport.Group group = report.open(ref);
      SourceResult result = SourceResult.failed(IoFaults.INTERNAL_ERROR, "", 0, 0);
      try {
        result = reader.readFile(path, ref, opener, group);
      } catch (RuntimeException e) {
        result = SourceResult.failed(IoFaults.INTERNAL_ERROR, e.getClass().getName(), 0, 0);
      } finally {
        group.end(result);
      }
    });
  }

  private void readStream(SourceRef ref, GroupedReport report) {
    GroupedReport.Group group = report.open(ref);
    SourceResult result = SourceResult.failed(IoFaults.INTERNAL_ERROR, "", 0, 0);
    try {
      result = reader.read(stdin, ref, -1, group);
    } catch (RuntimeException e) {
      result = SourceResult.failed(IoFaults.INTERNAL_ERROR, e.getClass().getName(), 0, 0);
    } finally {
      group.end(result);
    }
  }

  private SourceRef ref(Path path) {
    return new SourceRef("file", path.toAbsolutePath().toUri().toString(), host);
  }

  /** FIFO, character device, block device, socket, from the Unix file mode when available. */
  static String specialKind(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "FIFO";
        case 0020000 -> "character device";
        case 0060000 -> "block device";
        case 0140000 -> "socket";
        default -> "special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "special file";
    }
  }

  /** Queues a task, waiting while too many are queued. */
  @FunctionalInterface
  private interface Submitter {
    void submit(Runnable task) throws InterruptedException;
  }
}
