package dev.lagotto.agent.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;

/**
 * Lucene classic query syntax over the exposure fields, with point ranges for numbers and times and
 * exact (host: case-insensitive) keyword terms. Unknown fields are errors. Not thread-safe (the classic
 * parser is not): create one per query; construction is cheap.
 *
 * <p>Examples: {@code category:email AND host:web-01}, {@code confidence:[0.8 TO *]},
 * {@code last_seen:[now-7d TO *]}, {@code path:\/var\/log\/*}, {@code tags:pci}.
 *
 * <p>Closed exposures (their source was deleted or no longer holds the value) are left out unless the
 * query names {@code state} or {@code closed_at} itself ({@code state:closed}, {@code state:*}).
 */
public final class ExposureQueryParser {
  /** Limit on the length of a query, in characters. */
  public static final int MAX_QUERY_CHARS = 4096;
  private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d{1,6})([dhm]))?");
  private static final Analyzer ANALYZER = buildAnalyzer();

  private final Clock clock;

  public ExposureQueryParser(Clock clock) {
    this.clock = clock;
  }

  /** The analyzer the index and the parser share: standard for {@code text}, keywords elsewhere. */
  public static Analyzer analyzer() {
    return ANALYZER;
  }

  private static Analyzer buildAnalyzer() {
    try {
      Analyzer lowerKeyword = CustomAnalyzer.builder()
          .withTokenizer("keyword")
          .addTokenFilter("lowercase")
          .build();
      Map<String, Analyzer> perField = new HashMap<>();
      perField.put(ExposureFields.TEXT, new StandardAnalyzer());
      perField.put(ExposureFields.HOST, lowerKeyword);
      return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query restricted to exposure documents; blank text matches every exposure. */
  public Query parse(String text) {
    Query user;
    boolean namesState = false;
    if (text == null || text.isBlank()) {
      user = new MatchAllDocsQuery();
    } else {
      if (text.length() > MAX_QUERY_CHARS) {
        throw new InvalidQueryException("query has " + text.length() + " characters; at most " + MAX_QUERY_CHARS);
      }
      try {
        Parser parser = new Parser();
        user = parser.parse(text);
        namesState = parser.namesState;
      } catch (ParseException | IndexSearcher.TooManyClauses e) {
        throw new InvalidQueryException("bad query: " + firstLine(e.getMessage()));
      }
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ExposureFields.DOC, ExposureFields.DOC_EXPOSURE)), BooleanClause.Occur.FILTER)
        .add(user, BooleanClause.Occur.MUST);
    if (!namesState) {
      query.add(new TermQuery(new Term(ExposureFields.STATE, Exposure.CLOSED)), BooleanClause.Occur.MUST_NOT);
    }
    return query.build();
  }

  /**
   * Epoch milliseconds of a time bound: {@code *} (open), {@code now}, {@code now-7d|24h|30m}, a date
   * {@code YYYY-MM-DD} (its first millisecond, or its last when {@code upper}), an ISO-8601 instant, or
   * epoch milliseconds.
   */
  long timeBound(String text, boolean upper) {
    if (text == null || text.equals("*")) {
      return upper ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    Matcher relative = RELATIVE.matcher(text);
    if (relative.matches()) {
      Instant now = clock.instant();
      if (relative.group(1) == null) {
        return now.toEpochMilli();
      }
      long amount = Long.parseLong(relative.group(1));
      Duration back = switch (relative.group(2)) {
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofMinutes(amount);
      };
      return now.minus(back).toEpochMilli();
    }
    try {
      if (text.length() == 10 && text.charAt(4) == '-') {
        LocalDate day = LocalDate.parse(text);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return upper ? start.plus(Duration.ofDays(1)).toEpochMilli() - 1 : start.toEpochMilli();
      }
      if (text.chars().allMatch(Character::isDigit) && text.length() <= 18) {
        return Long.parseLong(text);
      }
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeException e) {
      throw new InvalidQueryException("bad time '" + text + "': use YYYY-MM-DD, an ISO-8601 instant, epoch millis or now-7d");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** The classic parser with typed fields. */
  private final class Parser extends QueryParser {
    private boolean namesState;

    Parser() {
      super(ExposureFields.TEXT, ANALYZER);
      setAllowLeadingWildcard(true);
      setDefaultOperator(QueryParser.AND_OPERATOR);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      check(field);
      if (field.equals(ExposureFields.CONFIDENCE)) {
        return DoublePoint.newExactQuery(field, parseDouble(field, text));
      }
      if (ExposureFields.LONGS.contains(field)) {
        return LongPoint.newExactQuery(field, parseLong(field, text));
      }
      if (ExposureFields.TIMES.contains(field)) {
        return LongPoint.newRangeQuery(field, bound(text, false), bound(text, true));
      }
      return super.getFieldQuery(field, text, quoted);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      check(field);
      if (field.equals(ExposureFields.CONFIDENCE)) {
        double lo = open(part1) ? Double.NEGATIVE_INFINITY : parseDouble(field, part1);
        double hi = open(part2) ? Double.POSITIVE_INFINITY : parseDouble(field, part2);
        lo = startInclusive ? lo : DoublePoint.nextUp(lo);
        hi = endInclusive ? hi : DoublePoint.nextDown(hi);
        return DoublePoint.newRangeQuery(field, lo, hi);
      }
      if (ExposureFields.TIMES.contains(field)) {
        long lo = open(part1) ? Long.MIN_VALUE : startInclusive ? bound(part1, false) : bound(part1, true) + 1;
        long hi = open(part2) ? Long.MAX_VALUE : endInclusive ? bound(part2, true) : bound(part2, false) - 1;
        return LongPoint.newRangeQuery(field, lo, hi);
      }
      if (ExposureFields.LONGS.contains(field)) {
        long lo = open(part1) ? Long.MIN_VALUE : parseLong(field, part1);
        long hi = open(part2) ? Long.MAX_VALUE : parseLong(field, part2);
        if (!startInclusive && lo != Long.MAX_VALUE && !open(part1)) {
          lo++;
        }
        if (!endInclusive && hi != Long.MIN_VALUE && !open(part2)) {
          hi--;
        }
        return LongPoint.newRangeQuery(field, lo, hi);
      }
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (!field.equals("*")) {
        checkKeyword(field);
      }
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      checkKeyword(field);
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      checkKeyword(field);
      return super.getRegexpQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      checkKeyword(field);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    private boolean open(String part) {
      return part == null || part.equals("*");
    }

    private long bound(String text, boolean upper) throws ParseException {
      try {
        return timeBound(text, upper);
      } catch (InvalidQueryException e) {
        throw new ParseException(e.getMessage());
      }
    }

    private void check(String field) throws ParseException {
      if (!ExposureFields.searchable(field)) {
        throw new ParseException("unknown field '" + field + "'");
      }
      if (field.equals(ExposureFields.STATE) || field.equals(ExposureFields.CLOSED_AT)) {
        namesState = true;
      }
    }

    private void checkKeyword(String field) throws ParseException {
      check(field);
      if (!ExposureFields.KEYWORDS.contains(field) && !field.equals(ExposureFields.TEXT)) {
        throw new ParseException("field '" + field + "' takes numbers or times, not patterns");
      }
    }

    private double parseDouble(String field, String text) throws ParseException {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new ParseException("field '" + field + "' takes a number, got '" + text + "'");
      }
    }

    private long parseLong(String field, String text) throws ParseException {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new ParseException("field '" + field + "' takes a whole number, got '" + text + "'");
      }
    }
  }
}
