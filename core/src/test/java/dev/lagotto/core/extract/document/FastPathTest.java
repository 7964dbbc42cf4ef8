package dev.lagotto.core.extract.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.extract.ChunkedReader;
import dev.lagotto.core.extract.ContentHandlers;
import dev.lagotto.core.extract.SourceOpener;
import dev.lagotto.core.extract.SourceReader;
import dev.lagotto.core.extract.SourceResult;
import dev.lagotto.core.extract.TextScanner;
import dev.lagotto.core.finding.Finding;
import dev.lagotto.core.finding.FindingFactory;
import dev.lagotto.core.finding.Fingerprinter;
import dev.lagotto.core.finding.Location;
import dev.lagotto.core.finding.SourceRef;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.scan.ScanSettings;
import dev.lagotto.core.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-text fast path through the real {@link SourceReader} with the Tika handler installed: logs whose
 * lines begin with {@code <} or {@code %} are scanned as text without a Tika detection, which the handler counts.
 */
class FastPathTest {

  @TempDir Path dir;

  private record Read(SourceResult result, List<Finding> findings) {}

  private static Read read(SourceReader reader, Path file) {
    List<Finding> findings = new ArrayList<>();
    SourceResult result = reader.readFile(file, new SourceRef("file", file.toUri().toString(), "host.example.com"),
        SourceOpener.FILES, findings::add);
    return new Read(result, findings);
  }

  @Test
  void syslogAndCiscoLogsAreScannedAsTextWithoutTika() throws Exception {
    Scanner scanner = Scanner.build(RulePackLoader.load(
        Path.of(FastPathTest.class.getResource("/dev/lagotto/core/extract/testpack").toURI())), ScanSettings.DEFAULTS);
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    TikaContentHandler tika = new TikaContentHandler();
    SourceReader reader = new SourceReader(new TextScanner(scanner, new ChunkedReader(4096, 256)),
        new FindingFactory(new Fingerprinter(key), false), ContentHandlers.with(List.of(tika)));

    String syslog = "<34>1 2024-01-01T10:00:00Z host.example.com sshd 42 - - login from 203.0.113.5\n"
        + "<38>1 2024-01-01T10:00:01Z host.example.com app 43 - - mail to jane.doe@example.com\n";
    Read s = read(reader, Fixtures.text(dir, "messages", syslog));
    assertThat(s.result().status()).isEqualTo(SourceResult.Status.SCANNED);
    assertThat(s.findings()).extracting(f -> f.category().id() + "@" + ((Location.Text) f.location()).line() + ":"
        + ((Location.Text) f.location()).column() + (((Location.Text) f.location()).extracted() ? " extracted" : ""))
        .containsExactly("ipv4@1:" + (syslog.indexOf("203.0.113.5") + 1),
            "email@2:" + (syslog.indexOf("jane.doe") - syslog.indexOf('\n')));
    Read c = read(reader, Fixtures.text(dir, "switch.log",
        "%LINK-3-UPDOWN: Interface Gi0/1 changed state to up, peer 198.51.100.4\n"));
    assertThat(c.findings()).extracting(f -> f.category().id()).containsExactly("ipv4");
    assertThat(tika.tikaDetections()).isZero();

    Read html = read(reader, Fixtures.text(dir, "page.txt", "<html><body><p>jane.doe@example.com</p></body></html>\n"));
    assertThat(html.findings()).extracting(f -> ((Location.Text) f.location()).extracted()).containsExactly(true);
    // markup is routed by Tika: once for the head, once more when the extractor opens the file
    assertThat(tika.tikaDetections()).isEqualTo(2);
  }
}
