package dev.lagotto.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.context.CsvColumns;
import dev.lagotto.core.prefilter.UnionAutomaton;
import dev.lagotto.core.rule.Category;
import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePack;
import dev.lagotto.core.rule.RulePackLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules with a required context are skipped where their context cannot occur, without changing what the scanner
 * finds: one scanner (one thread, so its mute predictions carry from chunk to chunk) against the reference over
 * chunks with and without contexts, contexts in the left margin only, camelCase keys, embedded and stream CSV
 * headers.
 */
class RequiredContextGatesTest {
  private static final ScanSettings ALL = ScanSettings.DEFAULTS.withMinConfidence(0);

  /** Contexts of the default pack's rules with a required context, in the shapes the context scorer accepts. */
  private static final String[] CONTEXTS = {"pin", "code", "pin=", "Pin: ", "userPin=", "first_name=",
      "\"lastName\":\"", "billingFirstname: ", "surname => ",
      "userBirthDate=", "dob ", "DOB:", "Geboren am ", "born ", "date_of_birth: ", "idfa=", "GAID ", "\"adid\":\"",
      "imei:", "IMEI ", "device_id=", "tel: ", "Phone=", "mobileNumber=", "\"msisdn\":", "lat=", "Latitude: ",
      "id,First Name,Surname,Date-Of-Birth,phone,lat\n", "Kundennr;Nachname;Vorname;Geburtsdatum\n",
      // the widest gaps between a key and its value: 8 bytes, "=>", 8 bytes
      "mobile\"  '   `=>  \t \"[( ", "Vorname\"  '   `=>  \t \"[( "};
  /** Values that the gated rules match (and that other rules match too). */
  private static final String[] VALUES = {"Jane", "Roe", "Erika", "Mustermann", "O'Brien", "1990-04-12",
      "12/04/1985", "04.12.1985", "0612345678", "2015550123", "(415) 555-0100", "490154203237518",
      "35-209900-176148-1",
      "38400000-8cf0-11bd-b23e-10b96e40000d", "EA7583CD-A667-48BC-B806-42ECB2B48606", "48.8566", "-33.8688",
      "203.0.113.7", "jane@example.com", "4321"};
  /** Text around them, with near-contexts that are not contexts. */
  private static final String[] FILLERS = {",", ";", "\n", " ", "\t", "\"", "x", "1", "hotel ", "template ",
      "Intel ", "cancellation ", "aDob ", "INFO ", "GET /a?b=c ", "named ", "=", ":", "id,a,b\n"};

  private static final String FILLER = "request served by worker in time, queue empty\n";
  private static final String[] SEPARATORS = {"", " ", " ", ",", "\n", "\t", ";"};

  /** Values and fillers, and {@code contexts} contexts at random places. */
  private static String text(Random random, int fragments, int contexts) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fragments; i++) {
      String[] from = random.nextBoolean() ? VALUES : FILLERS;
      parts.add(from[random.nextInt(from.length)] + SEPARATORS[random.nextInt(SEPARATORS.length)]);
    }
    for (int i = 0; i < contexts; i++) {
      parts.add(random.nextInt(parts.size() + 1), CONTEXTS[random.nextInt(CONTEXTS.length)]);
    }
    return String.join("", parts);
  }

  /** A CSV header and rows under it, long enough that a scan of the rows after them does not read the header. */
  private static String csvBlock(Random random) {
    StringBuilder sb = new StringBuilder("id,first_name,dob,tel,lat\n");
    while (sb.length() < Scanner.MAX_MATCH_LENGTH + 40) {
      sb.append(random.nextInt(100)).append(",Erika,1985-12-04,0612345678,48.8566\n");
    }
    return sb.toString();
  }

  private static List<ScannerTest.Found> scan(Scanner scanner, Chunk chunk, CsvColumns header) {
    List<ScannerTest.Found> out = new ArrayList<>();
    scanner.scan(chunk, header, (rule, s, e, c) -> out.add(new ScannerTest.Found(rule.id(), s, e, c)));
    return out;
  }

  /** A rule without boundary whose context words may touch its matches: {@code pin1234}, {@code 1234pin}. */
  private static Rule pinCode() {
    return new Rule("pin_code", Category.DEVICE_ID, "pin", "[0-9]{4}", null, Rule.Boundary.NONE, List.of(), "digit",
        List.of(), new Rule.RuleContext(List.of("pin", "code"), List.of("pin"), List.of(), 10, 0.1, 0, true,
            List.of()), 0.8, null, null, "test:pin_code", false);
  }

  @Test
  void aGatedRuleRunsNoPatternInAChunkWithoutItsContextEvenRightAfterChunksWithIt() throws Exception {
    RulePack dates = RulePackLoader.loadDefault().filter(r -> r.id().equals("date_of_birth"));
    Scanner scanner = Scanner.build(dates, ALL);
    // chunks large enough to make a gate switch
    int lines = RequiredContextGates.SWITCH_MIN_BYTES / 30;
    byte[] withContext = "dob 1990-04-12, born 12/04/1985\n".repeat(lines).getBytes(StandardCharsets.UTF_8);
    byte[] without = "shipped 1990-04-12, released 12/04/1985\n".repeat(lines).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < RequiredContextGates.SWITCH_AFTER + 1; i++) {
      assertThat(scan(scanner, Chunk.of(withContext), null)).hasSize(2 * lines);
    }
    int runs = scanner.scan(Chunk.of(without), (r, s, e, c) -> { });
    assertThat(runs).as("pattern runs on dates without birth context").isZero();
    assertThat(Scanner.build(dates, ALL.withPrefilter(ScanSettings.PrefilterMode.INDEX_ONLY))
        .scan(Chunk.of(without), (r, s, e, c) -> { })).as("where the index runs the pattern").isPositive();
    assertThat(scan(scanner, Chunk.of(withContext), null)).hasSize(2 * lines);
  }

  @Test
  void everyRuleOfTheUnionWithARequiredContextIsGated() throws Exception {
    Scanner scanner = Scanner.build(RulePackLoader.loadDefault(), ALL);
    List<CompiledRule> joining = Stream.of(scanner.compiledRules())
        .filter(r -> r.pattern != null && UnionAutomaton.canJoin(r.pattern)).toList();
    RequiredContextGates gates = RequiredContextGates.of(joining);
    long required = joining.stream().filter(r -> r.contextRequired).count();
    assertThat(required).as("the default pack has rules with a required context").isGreaterThanOrEqualTo(5);
    // one whole-token marker per gated rule and one camelCase marker per gated rule with keys
    assertThat(gates.markers().size()).isBetween((int) required, 2 * (int) required);
  }

  @Test
  void keyedRulesAreFoundAfterTheirKeysAsTheReferenceFindsThem() throws Exception {
    RulePack pack = RulePackLoader.loadDefault();
    Scanner indexed = Scanner.build(pack, ALL);
    Scanner reference = Scanner.build(pack, ALL.withPrefilter(ScanSettings.PrefilterMode.NONE));
    String[] texts = {
        // the widest gap between a key and its value: 8 bytes, "=>", 8 bytes
        "x mobile\"  '   `=>  \t \"[( 2015550123 y",
        "{\"msisdn\": \"12025550147\", \"ts\": 1700000000123, \"mobile\":\"2025550101\"}",
        "phone lookup took ts=1700000000123 phone=2015550123 and userPhone=2015550199 order=2015550177",
        "Vorname\"  '   `=>  \t \"[( Jane, surname: Roe; Intel Xeon"};
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int from = 0; from <= 12; from += 6) {
        Chunk chunk = new Chunk(bytes, 0, from, bytes.length, bytes.length);
        List<ScannerTest.Found> expected = scan(reference, chunk, null);
        assertThat(expected).as(text).anyMatch(f -> f.rule().equals("phone_digits")
            || f.rule().equals("person_name_column"));
        assertThat(scan(indexed, chunk, null)).as("%s from %d", text, from).isEqualTo(expected);
      }
    }
  }

  @Test
  void gatedRulesFindExactlyWhatTheReferenceFindsChunkAfterChunk() throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    System.out.println("RequiredContextGatesTest seed: -Dtests.seed=" + seed);
    Random random = new Random(seed);
    RulePack pack = RulePackLoader.loadDefault().with(new RulePack(List.of(pinCode())));
    Scanner indexed = Scanner.build(pack, ALL);
    Scanner reference = Scanner.build(pack, ALL.withPrefilter(ScanSettings.PrefilterMode.NONE));
    byte[] headerLine = "id,first_name,dob,tel,latitude\n".getBytes(StandardCharsets.UTF_8);
    CsvColumns header = CsvColumns.firstLine(headerLine, 0, headerLine.length);
    assertThat(header).isNotNull();
    int found = 0;
    int gatedFound = 0;
    for (int round = 0; round < 800; round++) {
      // runs of chunks without contexts, with one and with several, so that predictions switch both ways
      int contexts = switch ((round / 3 + random.nextInt(2)) % 3) {
        case 0 -> 0;
        case 1 -> 1;
        default -> 2 + random.nextInt(4);
      };
      String body = text(random, 1 + random.nextInt(60), contexts);
      if ((round / 3) % 20 == 0) {
        // a run of chunks large enough for the gates to switch (filler the reference scans fast)
        body = FILLER.repeat(RequiredContextGates.SWITCH_MIN_BYTES / FILLER.length()) + body;
      }
      // a context in the left margin only: right before the report range, or as a CSV header far above it
      String margin = switch (random.nextInt(6)) {
        case 0 -> CONTEXTS[random.nextInt(CONTEXTS.length)];
        case 1 -> csvBlock(random);
        default -> "";
      };
      if (margin.startsWith("id,")) {
        body = "7,Jane,1990-04-12,0698765432,-33.8688\n" + body;
      }
      byte[] bytes = (margin + body).getBytes(StandardCharsets.UTF_8);
      int reportFrom = margin.length() + (random.nextBoolean() ? 0 : random.nextInt(body.length() + 1) / 3);
      Chunk chunk = new Chunk(bytes, 0, reportFrom, bytes.length, bytes.length);
      CsvColumns stream = random.nextInt(5) == 0 ? header : null;
      List<ScannerTest.Found> expected = scan(reference, chunk, stream);
      assertThat(scan(indexed, chunk, stream))
          .as("seed %d, round %d, header %s, text '%s', chunk %s", seed, round, stream != null,
              new String(bytes, StandardCharsets.UTF_8), chunk)
          .isEqualTo(expected);
      found += expected.size();
      gatedFound += (int) expected.stream().filter(f -> Arrays.asList("person_name_column", "date_of_birth",
          "phone_digits", "imei", "advertising_id", "geo_csv_columns", "pin_code").contains(f.rule())).count();
    }
    System.out.println("RequiredContextGatesTest: " + found + " matches, " + gatedFound + " of gated rules");
    assertThat(found).as("the texts hold matches").isGreaterThan(1_200);
    assertThat(gatedFound).as("of gated rules too").isGreaterThan(150);
  }
}
