package dev.lagotto.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lagotto.core.extract.SourceOpener;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad input of issue 2, through the real command: the skip record, the exit code, and that the
 * findings of a good file scanned in the same run are all still there.
 */
class ScanBadInputTest {
  @TempDir
  Path dir;
  CliHarness cli;
  Path good;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(dir.resolve("home"));
    good = dir.resolve("good.log");
    Files.writeString(good, "a jane.doe@example.com\nb 203.0.113.7\nc x@mail.example.org\n", StandardCharsets.UTF_8);
  }

  /** Runs a JSONL scan of {@code bad} and the good file; checks the good file's three findings. */
  private CliHarness.Result scanWithGood(String... args) {
    String[] all = Arrays.copyOf(new String[] {"scan", "--format", "jsonl", "--threads", "2"}, 5 + args.length + 1);
    System.arraycopy(args, 0, all, 5, args.length);
    all[all.length - 1] = good.toString();
    CliHarness.Result r = cli.run(all);
    assertThat(r.ofType("finding").stream().filter(f -> f.get("source").get("uri").asText().equals(good.toUri().toString())))
        .as(r.out() + r.err()).hasSize(3);
    return r;
  }

  private static JsonNode onlySkip(CliHarness.Result r) {
    List<JsonNode> skips = r.ofType("skipped");
    assertThat(skips).as(r.out()).hasSize(1);
    return skips.get(0);
  }

  private static void assertSkip(JsonNode skip, Path path, String reason, boolean error) {
    assertThat(skip.get("source").get("uri").asText()).isEqualTo(path.toUri().toString());
    assertThat(skip.get("source").get("kind").asText()).isEqualTo("file");
    assertThat(skip.get("reason").asText()).isEqualTo(reason);
    assertThat(skip.get("error").asBoolean()).isEqualTo(error);
  }

  @Test
  void nonexistentPath() {
    Path missing = dir.resolve("no-such.log");
    CliHarness.Result r = scanWithGood(missing.toString());
    assertSkip(onlySkip(r), missing, "no such file or directory", true);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
    assertThat(r.summary().get("sources").get("failed").asInt()).isEqualTo(1);
    assertThat(r.summary().get("failed_reasons").get("no such file or directory").asInt()).isEqualTo(1);
  }

  @Test
  void permissionDenied() throws IOException {
    Path secret = dir.resolve("secret.log");
    Files.writeString(secret, "k jane.doe@example.com\n");
    Files.setPosixFilePermissions(secret, Set.of());
    // Tests run as root in CI, and root reads a mode-000 file anyway: this opener applies the owner-read
    // check the kernel makes for an ordinary user, so the command meets a real AccessDeniedException.
    cli.opener = path -> {
      if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_READ)) {
        throw new AccessDeniedException(path.toString());
      }
      return SourceOpener.FILES.open(path);
    };
    CliHarness.Result r = scanWithGood(secret.toString());
    assertSkip(onlySkip(r), secret, "permission denied", true);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void directorySymlinkLoopIsDetectedWhenFollowing() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("tree/sub"));
    Files.writeString(tree.resolve("inner.log"), "203.0.113.9\n");
    Path loop = Files.createSymbolicLink(tree.resolve("back"), dir.resolve("tree"));
    CliHarness.Result r = scanWithGood("--follow-symlinks", dir.resolve("tree").toString());
    assertSkip(onlySkip(r), loop, "symbolic link loop", false);
    assertThat(r.ofType("finding").stream().filter(f -> f.get("source").get("uri").asText().endsWith("inner.log"))).hasSize(1);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);

    CliHarness.Result notFollowing = scanWithGood(dir.resolve("tree").toString());
    assertSkip(onlySkip(notFollowing), loop, "symbolic link not followed", false);
  }

  @Test
  void fifoIsSkippedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    CliHarness.Result r = scanWithGood(fifo.toString());
    JsonNode skip = onlySkip(r);
    assertSkip(skip, fifo, "not a regular file", false);
    assertThat(skip.get("detail").asText()).isEqualTo("FIFO");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void characterDeviceIsSkipped() {
    Path devNull = Path.of("/dev/null");
    CliHarness.Result r = scanWithGood(devNull.toString());
    assertThat(onlySkip(r).get("detail").asText()).isEqualTo("character device");
  }

  @Test
  void fileThatVanishesBeforeItIsRead() throws IOException {
    Path doomed = dir.resolve("rotated.log");
    Files.writeString(doomed, "203.0.113.1\n");
    cli.opener = path -> {
      if (path.equals(doomed)) {
        Files.delete(path);
      }
      return SourceOpener.FILES.open(path);
    };
    CliHarness.Result r = scanWithGood(doomed.toString());
    assertSkip(onlySkip(r), doomed, "vanished before it could be read", true);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void fileThatShrinksWhileReadKeepsWhatWasReadAndSaysSo() throws IOException {
    Path shrinking = dir.resolve("truncated-by-logrotate.log");
    StringBuilder sb = new StringBuilder("first 203.0.113.5\n");
    while (sb.length() < 1_000_000) {
      sb.append("filler line without data\n");
    }
    Files.writeString(shrinking, sb.append("last 198.51.100.5\n"));
    long size = Files.size(shrinking);
    // The file is really truncated (copytruncate style) right after the first read from it.
    cli.opener = path -> {
      InputStream in = SourceOpener.FILES.open(path);
      if (!path.equals(shrinking)) {
        return in;
      }
      return new FilterInputStream(in) {
        private boolean truncated;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (!truncated) {
            truncated = true;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
              ch.truncate(0);
            }
          }
          return n;
        }
      };
    };
    CliHarness.Result r = scanWithGood(shrinking.toString());
    JsonNode skip = onlySkip(r);
    assertSkip(skip, shrinking, "file shrank while being read", true);
    assertThat(skip.get("detail").asText()).startsWith("read ").endsWith(" of " + size + " bytes");
    assertThat(r.ofType("finding").stream().filter(f -> f.get("source").get("uri").asText().equals(shrinking.toUri().toString())))
        .extracting(f -> f.get("location").get("offset").asLong()).containsExactly(6L);
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void invalidUtf8IsScannedWhenRareAndSkippedAsBinaryWhenDominant() throws IOException {
    Path latin1 = dir.resolve("latin1.log");
    Files.write(latin1, "caf\u00e9 jane.doe@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
    Path garbage = dir.resolve("garbage.log");
    byte[] junk = new byte[4096];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (0x80 | (i % 64));
    }
    Files.write(garbage, junk);
    CliHarness.Result r = scanWithGood(latin1.toString(), garbage.toString());
    JsonNode latinFinding = r.ofType("finding").stream()
        .filter(f -> f.get("source").get("uri").asText().equals(latin1.toUri().toString())).findFirst().orElseThrow();
    assertThat(latinFinding.get("location").get("column").asLong()).isEqualTo(6);
    assertThat(latinFinding.get("location").get("offset").asLong()).isEqualTo(5);
    JsonNode skip = onlySkip(r);
    assertSkip(skip, garbage, "binary content", false);
    assertThat(skip.get("detail").asText()).isEqualTo("invalid UTF-8");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void nulBytesMeanBinary() throws IOException {
    Path bin = dir.resolve("core.dump");
    Files.write(bin, "ELF\0\0\0 jane.doe@example.com".getBytes(StandardCharsets.UTF_8));
    CliHarness.Result r = scanWithGood(bin.toString());
    JsonNode skip = onlySkip(r);
    assertSkip(skip, bin, "binary content", false);
    assertThat(skip.get("detail").asText()).isEqualTo("NUL bytes");
    assertThat(r.summary().get("skipped_reasons").get("binary content").asInt()).isEqualTo(1);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void truncatedGzipKeepsTheFindingsBeforeTheCut() throws IOException {
    StringBuilder sb = new StringBuilder("head 203.0.113.77\n");
    java.util.Random random = new java.util.Random(42);
    while (sb.length() < 300_000) {
      for (int i = 0; i < 60; i++) {
        sb.append((char) ('a' + random.nextInt(26)));
      }
      sb.append('\n');
    }
    sb.append("tail jane.doe@example.com\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
      gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = buf.toByteArray();
    Path cut = dir.resolve("app.log.2.gz");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    CliHarness.Result r = scanWithGood(cut.toString());
    assertSkip(onlySkip(r), cut, "truncated gzip stream", true);
    assertThat(r.ofType("finding").stream().filter(f -> f.get("source").get("uri").asText().equals(cut.toUri().toString())))
        .extracting(f -> f.get("category").asText()).containsExactly("ipv4");
    assertThat(r.code()).isEqualTo(ExitCodes.SOURCES_FAILED);
  }

  @Test
  void emptyFileIsSkippedNotFailed() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.log"));
    CliHarness.Result r = scanWithGood(empty.toString());
    assertSkip(onlySkip(r), empty, "empty", false);
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void unknownOptionIsAUsageErrorNamingIt() {
    CliHarness.Result r = cli.run("scan", "--bogus", good.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unknown option: '--bogus'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheOptionAndValue() throws IOException {
    assertUsage(cli.run("scan", "--categories", "email,shoe_size", good.toString()), "shoe_size");
    assertUsage(cli.run("scan", "--min-confidence", "1.5", good.toString()), "--min-confidence");
    assertUsage(cli.run("scan", "--max-file-size", "ten", good.toString()), "--max-file-size");
    assertUsage(cli.run("scan", "--threads", "0", good.toString()), "--threads");
    assertUsage(cli.run("scan", "--format", "xml", good.toString()), "--format");
    assertUsage(cli.run("scan", "--rules", dir.resolve("nope").toString(), good.toString()), "--rules");
    assertUsage(cli.run("scan", "--rules-mode", "merge", good.toString()), "--rules-mode");
    cli.env.remove("LAGOTTO_KEY");
    assertUsage(cli.run("scan", "--key-file", dir.resolve("nokey").toString(), good.toString()), "--key-file");
    Path badRules = Files.createDirectories(dir.resolve("badrules"));
    Files.writeString(badRules.resolve("broken.yaml"), "id: broken\ncategory: email\nshoe: 42\npattern: 'x'\n");
    assertUsage(cli.run("scan", "--rules", badRules.toString(), good.toString()), "broken.yaml");
    cli.env.put("LAGOTTO_KEY", "not*a*key");
    assertUsage(cli.run("scan", good.toString()), "LAGOTTO_KEY");
    assertUsage(cli.run("scan"), "SOURCE");
  }

  private static void assertUsage(CliHarness.Result r, String named) {
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains(named);
  }
}
