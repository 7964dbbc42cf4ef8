package dev.lagotto.core.names;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lagotto.core.pattern.CustomMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameMatcherTest {
  private static final PersonNameMatcher MATCHER = new PersonNameMatcher();

  /** Every name the matcher finds in {@code text}, scanning left to right like the engine does. */
  static List<String> names(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < b.length) {
      int end = MATCHER.canStartWith(b[i] & 0xff) ? MATCHER.match(b, 0, i, b.length) : -1;
      if (end > i) {
        assertThat(end - i).isLessThanOrEqualTo(MATCHER.maxLength());
        assertGateAllows(b, i);
        out.add(new String(b, i, end - i, StandardCharsets.UTF_8));
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Dear Jane Roe, your order has shipped            | Jane Roe
      {"full_name":"John Doe","plan":"pro"}            | John Doe
      author: Doe, Jane                                | Doe, Jane
      approved: yes (Garcia, Maria)                    | Garcia, Maria
      Marie de Vries opened the ticket                 | Marie de Vries
      signed by J. Doe yesterday                       | J. Doe
      From: Richard M. Roe <richard@example.com>       | Richard M. Roe
      assigned to John Smith today                     | John Smith
      ticket closed by Lukasz Kowalski.                | Lukasz Kowalski
      contact José García (sales)                      | José García
      Erika Mustermann wohnt in Berlin                 | Erika Mustermann
      customer=Jean-Pierre Dupont                      | Jean-Pierre Dupont
      met John Henry Smith at noon                     | John Henry Smith
      reviewed by Łukasz Wójcik                        | Łukasz Wójcik
      Søren Åberg logged in                            | Søren Åberg
      """)
  void findsNames(String text, String expected) {
    assertThat(names(text)).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Dear Will Roe, welcome                     | Will Roe
      Mr Mark Doe called                         | Mark Doe
      {"name": "May Roe"}                        | May Roe
      From: Bill Roe <bill@example.com>          | Bill Roe
      "Grant Doe" <grant@example.org>            | Grant Doe
      """)
  void namesThatAreWordsNeedContext(String text, String expected) {
    assertThat(names(text)).containsExactly(expected);
    assertThat(names(text.replaceAll("Dear |Mr |\\{\"name\": |From: |<[^>]*>", ""))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Will Retry in 5s",
      "May Roe",
      "Will Smith joined",
      "2026-11-29 12:34:56,789 INFO  [main] com.example.OrderService - Order Placed",
      "2026-11-29 12:34:56,789 WARN  [pool-1-thread-3] o.a.k.c.NetworkClient - Connection Reset By Peer",
      "Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\"",
      "\tat com.example.Foo.bar(Foo.java:42)",
      "\tat org.springframework.Main.run(Main.java:12)",
      "Caused by: java.io.IOException: Broken Pipe",
      "JOHN DOE",
      "JaneRoe JaneDoe",
      "Jane_Roe",
      "Jane.Roe@example.com",
      "Foo::Bar",
      "call Jane Roe(42)",
      "see Jane Roe.java",
      "Jane Roe::create",
      "ROE, JANE",
      "Paris, Jane, Roe, Doe",
      "INFO Main - Server Started",
      "Apache Kafka Consumer Group Rebalanced",
      "Java HotSpot(TM) 64-Bit Server VM",
  })
  void neverMatchesLogAndCodeTokens(String text) {
    assertThat(names(text)).as(text).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      first_name: Jane                                 | Jane
      {"first_name":"Jane","plan":"pro"}               | Jane
      last_name=Roe status=active                      | Roe
      {"lastName": "Smith"}                            | Smith
      <given_name>Jane</given_name>                    | Jane
      billing_first_name=Grace                         | Grace
      customer.surname = "Miller"                      | Miller
      familyName: Brown                                | Brown
      full_name: Jane                                  | Jane
      first_name: Will                                 | Will
      """)
  void findsASingleNameAfterANameKey(String text, String expected) {
    assertThat(names(text)).containsExactly(expected);
  }

  @Test
  void keyedSingleNameGivesWayToTheFullName() {
    assertThat(names("first_name: Jane Roe")).containsExactly("Jane Roe");
    assertThat(names("first_name=Jane last_name=Roe")).containsExactly("Jane", "Roe");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Jane",
      "name=Grace",
      "{\"name\":\"Victoria\"}",
      "first name Jane",
      "first_name Jane",
      "nickname: Jane",
      "username=Jane",
      "firstname_hash=Jane",
      "surname: Jessica",
      "first_name: Kowalski",
      "surname: Jane",
      "first_name: JANE",
      "first_name: Jane.java",
      "first_name=Jane(",
      "last_name=O",
      "first_name: Janex9",
  })
  void singleNamesNeedTheirKey(String text) {
    assertThat(names(text)).as(text).isEmpty();
  }

  @Test
  void readsContextOnlyWithinTheGivenLowBound() {
    byte[] b = "Dear Will Roe".getBytes(StandardCharsets.US_ASCII);
    assertThat(MATCHER.match(b, 0, 5, b.length)).isEqualTo(b.length);
    assertThat(MATCHER.match(b, 5, 5, b.length)).as("title is outside [lo, ...)").isEqualTo(-1);
  }

  @Test
  void respectsTheLimit() {
    byte[] b = "Jane Roe".getBytes(StandardCharsets.US_ASCII);
    assertThat(MATCHER.match(b, 0, 0, b.length)).isEqualTo(8);
    assertThat(MATCHER.match(b, 0, 0, 6)).as("surname cut by limit").isEqualTo(-1);
    assertThat(MATCHER.match(b, 0, 0, 4)).isEqualTo(-1);
  }

  @Test
  void startsOnlyAtUpperCaseAsciiLettersAndLatinLeadBytes() {
    for (int c = 0; c < 256; c++) {
      assertThat(MATCHER.canStartWith(c)).as("byte %d", c).isEqualTo(c >= 'A' && c <= 'Z' || c >= 0xC3 && c <= 0xC5);
    }
  }

  /** The upper-case run gate must allow every start where the matcher finds a name. */
  private static void assertGateAllows(byte[] b, int start) {
    if (b[start] < 'A' || b[start] > 'Z') {
      return;
    }
    int q = start;
    while (q < b.length && b[q] >= 'A' && b[q] <= 'Z') {
      q++;
    }
    if (q < b.length) {
      assertThat(MATCHER.canStartUpperRun(q - start, b[q] & 0xff)).as("gate at %d", start).isTrue();
    }
  }

  @Test
  void theUpperCaseRunGateRejectsCapitalisedCodeAndLogTokens() {
    assertThat(MATCHER.canStartUpperRun(4, ' ')).as("INFO ").isFalse();
    assertThat(MATCHER.canStartUpperRun(1, '-')).as("X-Forwarded").isFalse();
    assertThat(MATCHER.canStartUpperRun(1, ' ')).as("A ").isFalse();
    assertThat(MATCHER.canStartUpperRun(1, 'a')).as("Jane").isTrue();
    assertThat(MATCHER.canStartUpperRun(1, '.')).as("J. Doe").isTrue();
    assertThat(MATCHER.canStartUpperRun(1, '\'')).as("O'Brien").isTrue();
    assertThat(MATCHER.canStartUpperRun(1, 0xC3)).as("Zoë starts Z then a Latin lower-case letter").isTrue();
    assertThat(names("INFO Jane Roe logged in; GET X-Jane")).containsExactly("Jane Roe");
  }

  /** Words that make names and near-names: listed names, log and code tokens, initials, particles, Latin letters. */
  private static final String[] WORDS = {"Jane Roe", "John Doe", "Doe, Jane", "J. Doe", "Richard M. Roe",
      "Erika van der Mustermann", "Jane", "Roe", "John", "Doe", "J.", "M.", "O'Brien", "McDonald", "van",
      "der", "de", "Mustermann", "Erika", "Server", "Started", "INFO", "GET", "X-Jane", "NullPointerException",
      "getJane", "jane", "Dear", "name=", "\"first_name\":\"", "From:", "<jane@example.com>", "Łukasz", "Zoë",
      "Émile", "Ana", "María", "12", ",", ".", "'", "Mar", "Will", "_Jane", "9Jane", "é"};
  private static final String[] GLUE = {" ", " ", " ", "", ", ", "\t", "\n", "=", "\"", "(", "."};

  @Test
  void findStartsKeepsEveryStartOfAMatchAndDropsPositionsWithoutAListedFirstToken() {
    java.util.Random random = new java.util.Random(23);
    boolean[] wordBytes = new boolean[256];
    for (int c = 0; c < 128; c++) {
      wordBytes[c] = Character.isLetterOrDigit(c) || c == '_';
    }
    int found = 0;
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      int words = random.nextInt(12);
      for (int w = 0; w < words; w++) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(GLUE[random.nextInt(GLUE.length)]);
      }
      byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
      int lo = b.length == 0 ? 0 : random.nextInt(Math.min(4, b.length) + 1);
      int hi = random.nextBoolean() ? b.length : lo + random.nextInt(b.length - lo + 1);
      int from = lo + random.nextInt(Math.min(8, hi - lo) + 1);
      int to = random.nextBoolean() ? hi : from + random.nextInt(hi - from + 1);
      int maxLength = random.nextInt(4) == 0 ? 1 + random.nextInt(MATCHER.maxLength()) : MATCHER.maxLength();
      boolean[] forbidden = random.nextBoolean() ? wordBytes : null;
      int[] out = new int[to - from];
      int n = MATCHER.findStarts(b, lo, from, to, hi, maxLength, forbidden, out);
      int[] starts = java.util.Arrays.copyOf(out, n);
      String what = text + " [" + lo + ", " + from + ", " + to + ", " + hi + ")";
      assertThat(starts).as(what).isSorted().doesNotHaveDuplicates();
      for (int p : starts) {
        assertThat(p).as(what).isBetween(from, to - 1);
        assertThat(MATCHER.canStartWith(b[p] & 0xff)).as(what).isTrue();
      }
      for (int p = from; p < to; p++) {
        boolean allowed = p == lo || forbidden == null || !forbidden[b[p - 1] & 0xff];
        int limit = Math.min(hi, p + maxLength);
        int end = MATCHER.match(b, lo, p, limit);
        if (allowed && end > p) {
          found++;
          assertThat(starts).as("%s: a match starts at %d", what, p).contains(p);
        }
        int token = PersonNameMatcher.token(b, p, limit);
        if (token > p && b[p] >= 'A' && b[p] <= 'Z' && b[p + 1] != '.'
            && NameDictionary.defaults().flags(b, p, token) == 0) {
          assertThat(starts).as("%s: %d starts no listed token", what, p).doesNotContain(p);
        }
      }
    }
    assertThat(found).as("matches in the random texts").isGreaterThan(500);
  }

  @Test
  void findStartsReadsNothingPastTheEndOfTheBytes() {
    byte[] b = "Roe J".getBytes(StandardCharsets.US_ASCII);
    int[] out = new int[b.length];
    assertThat(MATCHER.findStarts(b, 0, 0, b.length, b.length, MATCHER.maxLength(), null, out)).isEqualTo(1);
    assertThat(out[0]).isZero();
  }

  @Test
  void isRegisteredBySpi() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(CustomMatcher.class).forEach(m -> names.add(m.name()));
    assertThat(names).contains(PersonNameMatcher.NAME);
  }
}
