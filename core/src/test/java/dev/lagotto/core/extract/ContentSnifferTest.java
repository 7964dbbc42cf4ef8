package dev.lagotto.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  private static ContentType sniff(byte[] b) {
    return ContentSniffer.sniff(b, b.length, false);
  }

  @Test
  void textIncludingMultiByteUtf8IsText() {
    assertThat(sniff("héllo wörld € 𝄞\n".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(ContentType.Kind.TEXT);
  }

  @Test
  void aNulByteMakesItBinary() {
    ContentType t = sniff("abc\0def".getBytes(StandardCharsets.UTF_8));
    assertThat(t.kind()).isEqualTo(ContentType.Kind.BINARY);
    assertThat(t.detail()).isEqualTo("NUL bytes");
  }

  @Test
  void aFewInvalidBytesStayTextManyMakeItBinary() {
    byte[] few = new byte[1000];
    java.util.Arrays.fill(few, (byte) 'a');
    few[10] = (byte) 0xff;
    few[500] = (byte) 0xe9;
    assertThat(sniff(few).kind()).isEqualTo(ContentType.Kind.TEXT);
    byte[] many = few.clone();
    for (int i = 0; i < many.length; i += 5) {
      many[i] = (byte) 0xff;
    }
    ContentType t = sniff(many);
    assertThat(t.kind()).isEqualTo(ContentType.Kind.BINARY);
    assertThat(t.detail()).isEqualTo("invalid UTF-8");
  }

  @Test
  void aSequenceCutByTheEndOfTheHeadIsNotInvalid() {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    byte[] head = new byte[] {'a', 'b', euro[0], euro[1]};
    assertThat(sniff(head).kind()).isEqualTo(ContentType.Kind.TEXT);
    byte[] allCut = new byte[] {euro[0], euro[1]};
    assertThat(sniff(allCut).kind()).isEqualTo(ContentType.Kind.TEXT);
  }

  @Test
  void emptyIsEmptyAndGzipIsToldByMagic() {
    assertThat(sniff(new byte[0]).kind()).isEqualTo(ContentType.Kind.EMPTY);
    assertThat(ContentSniffer.isGzip(new byte[] {0x1f, (byte) 0x8b, 8}, 3)).isTrue();
    assertThat(ContentSniffer.isGzip(new byte[] {0x1f}, 1)).isFalse();
    assertThat(ContentSniffer.isGzip("gz".getBytes(StandardCharsets.US_ASCII), 2)).isFalse();
  }
}
