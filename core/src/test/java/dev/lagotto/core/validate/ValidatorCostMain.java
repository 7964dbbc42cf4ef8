package dev.lagotto.core.validate;

import dev.lagotto.core.rule.Rule;
import dev.lagotto.core.rule.RulePackLoader;
import dev.lagotto.core.validate.reference.RefCardValidator;
import dev.lagotto.core.validate.reference.RefDateValidator;
import dev.lagotto.core.validate.reference.RefGeoValidator;
import dev.lagotto.core.validate.reference.RefImeiValidator;
import dev.lagotto.core.validate.reference.RefIpValidator;
import dev.lagotto.core.validate.reference.RefMacValidator;
import dev.lagotto.core.validate.reference.RefMod97Validator;
import dev.lagotto.core.validate.reference.RefNifEsValidator;
import dev.lagotto.core.validate.reference.RefNinoValidator;
import dev.lagotto.core.validate.reference.RefPhoneValidator;
import dev.lagotto.core.validate.reference.RefSsnValidator;
import dev.lagotto.core.validate.reference.RefTldValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throwaway harness (not a test): CPU cost per call of each default validator's byte path against the frozen
 * String logic ({@code reference}), on the spans that each rule's pattern matches in a corpus with
 * {@code java.util.regex} (up to 100,000 per rule; not the engine's exact spans, but the same shapes), after
 * checking that both give the same factor on every span. 40 alternating rounds, the last 20 counted. Spans sit
 * at random places in the file, so a call includes cache misses. Run one validator per JVM (the call site is
 * then not megamorphic): {@code java -cp core/target/classes:core/target/test-classes:rules/target/classes:DEPS
 * dev.lagotto.core.validate.ValidatorCostMain FILE [NAME [quiet]]} ({@code DEPS} as for
 * {@code dev.lagotto.core.scan.ThroughputMain}).
 */
public final class ValidatorCostMain {
  private static final int MAX_SPANS = 100_000;
  private static final int ROUNDS = 40;
  private static final int COUNTED = 20;

  private ValidatorCostMain() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Map<String, Validator[]> pairs = new LinkedHashMap<>();
    pairs.put("tld", new Validator[] {new TldValidator(), new RefTldValidator()});
    pairs.put("ip", new Validator[] {new IpValidator(), new RefIpValidator()});
    pairs.put("geo", new Validator[] {new GeoValidator(), new RefGeoValidator()});
    pairs.put("phone", new Validator[] {new PhoneValidator("US"), new RefPhoneValidator("US")});
    pairs.put("mac", new Validator[] {new MacValidator(), new RefMacValidator()});
    pairs.put("mod97", new Validator[] {new Mod97Validator(), new RefMod97Validator()});
    pairs.put("card", new Validator[] {new CardValidator(), new RefCardValidator()});
    pairs.put("ssn", new Validator[] {new SsnValidator(), new RefSsnValidator()});
    pairs.put("nino", new Validator[] {new NinoValidator(), new RefNinoValidator()});
    pairs.put("nif_es", new Validator[] {new NifEsValidator(), new RefNifEsValidator()});
    pairs.put("imei", new Validator[] {new ImeiValidator(), new RefImeiValidator()});
    pairs.put("date", new Validator[] {new DateValidator(), new RefDateValidator()});
    Map<String, List<int[]>> spans = new TreeMap<>();
    for (Rule r : RulePackLoader.loadDefault().rules()) {
      if (r.pattern() == null || r.validators().isEmpty()) {
        continue;
      }
      String v = r.validators().get(0);
      if (!pairs.containsKey(v) || args.length > 1 && !v.equals(args[1])) {
        continue;
      }
      Matcher m = Pattern.compile(r.pattern()).matcher(text);
      List<int[]> list = spans.computeIfAbsent(v, k -> new ArrayList<>());
      int n = 0;
      while (m.find() && n++ < MAX_SPANS) {
        list.add(new int[] {m.start(), m.end()});
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (args.length < 3) {
      System.out.printf("%-7s %8s %8s %10s %10s %7s%n", "name", "spans", "kept", "new ns", "ref ns", "ref/new");
    }
    for (var e : spans.entrySet()) {
      Validator[] p = pairs.get(e.getKey());
      List<int[]> list = e.getValue();
      int kept = 0;
      for (int[] s : list) {
        double a = p[0].check(bytes, s[0], s[1]);
        double b = p[1].check(bytes, s[0], s[1]);
        if (a != b) {
          throw new AssertionError(e.getKey() + " differs at offset " + s[0]);
        }
        kept += a > 0 ? 1 : 0;
      }
      long[] cpu = new long[2];
      double sink = 0;
      for (int round = 0; round < ROUNDS; round++) {
        for (int side = 0; side < 2; side++) {
          int which = (round + side) % 2;
          long c0 = mx.getCurrentThreadCpuTime();
          for (int[] s : list) {
            sink += p[which].check(bytes, s[0], s[1]);
          }
          long c = mx.getCurrentThreadCpuTime() - c0;
          if (round >= ROUNDS - COUNTED) {
            cpu[which] += c;
          }
        }
      }
      double calls = (double) COUNTED * list.size();
      System.out.printf("%-7s %8d %8d %10.1f %10.1f %7.2f%s%n", e.getKey(), list.size(), kept, cpu[0] / calls,
          cpu[1] / calls, (double) cpu[1] / cpu[0], sink == -1 ? "!" : "");
    }
  }
}
