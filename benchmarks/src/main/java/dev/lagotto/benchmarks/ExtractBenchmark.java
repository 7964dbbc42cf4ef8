package dev.lagotto.benchmarks;

import dev.lagotto.core.extract.document.DocumentExtractor;
import dev.lagotto.core.extract.document.TypeDetector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Documents extracted per second by format, through {@link DocumentExtractor} (detection, parse on a worker
 * thread, text spooling, metadata), with the plain-text log as the baseline in the same table, and the cost of the
 * content detection that routes every file ({@link #detect}). Each document is about 200 lines of synthetic
 * records generated from a fixed seed. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ExtractBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ExtractBenchmark {

  /**
   * Document formats, the plain log being the fast-path baseline; {@code SYSLOG} is the same log with RFC 5424
   * {@code <34>1 } line heads, which must stay on the fast path too (no Tika detection for a leading {@code <}).
   */
  public enum Format { PLAIN_LOG, SYSLOG, LOG_GZIP, ZIP_OF_LOGS, PDF, DOCX, XLSX, EML, HTML, JPEG }

  private static final long SEED = 20240101L;
  private static final int LINES = 200;

  @Param({"PLAIN_LOG", "SYSLOG", "LOG_GZIP", "ZIP_OF_LOGS", "PDF", "DOCX", "XLSX", "EML", "HTML", "JPEG"})
  public Format format;

  private DocumentExtractor extractor;
  private TypeDetector detector;
  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    extractor = new DocumentExtractor();
    detector = extractor.detector();
    dir = Files.createTempDirectory("extract-bench");
    String[] lines = lines(new Random(SEED));
    file = switch (format) {
      case PLAIN_LOG -> Files.writeString(dir.resolve("app.log"), String.join("\n", lines));
      case SYSLOG -> Files.writeString(dir.resolve("messages"), "<34>1 " + String.join("\n<34>1 ", lines));
      case LOG_GZIP -> gzip(dir.resolve("app.log.gz"), String.join("\n", lines));
      case ZIP_OF_LOGS -> zip(dir.resolve("logs.zip"), lines);
      case PDF -> pdf(dir.resolve("doc.pdf"), lines);
      case DOCX -> docx(dir.resolve("doc.docx"), lines);
      case XLSX -> xlsx(dir.resolve("sheet.xlsx"), lines);
      case EML -> Files.writeString(dir.resolve("mail.eml"), "From: Jane Doe <jane@example.com>\r\n"
          + "To: bob@example.org\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
          + String.join("\r\n", lines));
      case HTML -> Files.writeString(dir.resolve("page.html"), "<html><head><title>Report</title></head><body><p>"
          + String.join("</p><p>", lines) + "</p></body></html>");
      case JPEG -> jpeg(dir.resolve("photo.jpg"));
    };
    if (extractor.extractedChars(file) == 0 && format != Format.JPEG) {
      throw new IllegalStateException("nothing extracted from " + format);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One document extracted end to end; returns the characters extracted. */
  @Benchmark
  public long extract() throws IOException {
    return extractor.extractedChars(file);
  }

  /** Content detection only: the per-file routing cost added in front of the plain-text fast path. */
  @Benchmark
  public Object detect() throws IOException {
    return detector.detect(file);
  }

  private static String[] lines(Random random) {
    String[] lines = new String[LINES];
    for (int i = 0; i < LINES; i++) {
      lines[i] = "2024-01-01 10:" + (i % 60) + ":00 INFO order=" + random.nextInt(100_000) + " user=user" + i
          + "@example.com ip=203.0.113." + random.nextInt(255) + " phone=555-01" + (10 + random.nextInt(89));
    }
    return lines;
  }

  private static Path gzip(Path file, String text) throws IOException {
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static Path zip(Path file, String[] lines) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 5; i++) {
        zip.putNextEntry(new ZipEntry("logs/app-" + i + ".log"));
        zip.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  private static Path pdf(Path file, String[] lines) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int start = 0; start < lines.length; start += 50) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 7);
          content.newLineAtOffset(20, 760);
          for (int i = start; i < Math.min(lines.length, start + 50); i++) {
            content.showText(lines[i]);
            content.newLineAtOffset(0, -14);
          }
          content.endText();
        }
      }
      doc.save(file.toFile());
    }
    return file;
  }

  private static Path docx(Path file, String[] lines) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
      for (String line : lines) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
    }
    return file;
  }

  private static Path xlsx(Path file, String[] lines) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = wb.createSheet("log");
      for (int r = 0; r < lines.length; r++) {
        Row row = sheet.createRow(r);
        String[] cells = lines[r].split(" ");
        for (int c = 0; c < cells.length; c++) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
      wb.write(out);
    }
    return file;
  }

  private static Path jpeg(Path file) throws IOException {
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
    return file;
  }
}
