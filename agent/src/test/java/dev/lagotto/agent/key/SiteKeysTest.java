package dev.lagotto.agent.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteKeysTest {
  static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

  @TempDir
  Path dir;

  @Test
  void environmentKeyInHexOrBase64SaysWhichAndWinsOverTheFile() throws Exception {
    Path file = dir.resolve("k");
    Files.write(file, new byte[32]);
    SiteKey hex = SiteKeys.resolve(Map.of("LAGOTTO_KEY", HexFormat.of().formatHex(KEY)), file, dir);
    assertThat(hex.bytes()).isEqualTo(KEY);
    assertThat(hex.origin()).isEqualTo("LAGOTTO_KEY (hex)");
    SiteKey b64 = SiteKeys.resolve(Map.of("LAGOTTO_KEY", Base64.getEncoder().encodeToString(KEY)), null, dir);
    assertThat(b64.bytes()).isEqualTo(KEY);
    assertThat(b64.origin()).isEqualTo("LAGOTTO_KEY (base64)");
  }

  @Test
  void badOrShortEnvironmentKeysAreRejectedWithoutShowingThem() {
    assertThatThrownBy(() -> SiteKeys.resolve(Map.of("LAGOTTO_KEY", "%%%not-a-key%%%"), null, dir))
        .isInstanceOf(KeyException.class).hasMessage("LAGOTTO_KEY is neither hex nor base64");
    assertThatThrownBy(() -> SiteKeys.resolve(Map.of("LAGOTTO_KEY", "abcdef"), null, dir))
        .isInstanceOf(KeyException.class).hasMessage("LAGOTTO_KEY (hex) gives a key of 3 bytes; at least 16 are needed");
  }

  @Test
  void keyFileIsRawBytesOrHexText() throws Exception {
    Path raw = dir.resolve("raw");
    Files.write(raw, KEY);
    assertThat(SiteKeys.resolve(Map.of(), raw, dir).bytes()).isEqualTo(KEY);
    Path hex = dir.resolve("hex");
    Files.writeString(hex, HexFormat.of().formatHex(KEY) + "\n");
    assertThat(SiteKeys.resolve(Map.of(), hex, dir).bytes()).isEqualTo(KEY);
    assertThatThrownBy(() -> SiteKeys.resolve(Map.of(), dir.resolve("missing"), dir))
        .hasMessageContaining("--key-file").hasMessageContaining("no such file");
  }

  @Test
  void defaultKeyIsCreatedOncePrivateAndThenReused() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    SiteKey created = SiteKeys.resolve(Map.of(), null, home);
    Path file = home.resolve(".lagotto/key");
    assertThat(created.origin()).isEqualTo(file.toString());
    assertThat(created.created()).isTrue();
    assertThat(created.bytes()).hasSize(32);
    assertThat(Files.readAllBytes(file)).isEqualTo(created.bytes());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    SiteKey again = SiteKeys.resolve(Map.of(), null, home);
    assertThat(again.bytes()).isEqualTo(created.bytes());
    assertThat(again.origin()).isEqualTo(file + " (raw)");
    assertThat(again.created()).isFalse();
  }

  @Test
  void theServerKeyIsCreatedOnceOwnerOnlyAndReadBackWithItsKeyId(@TempDir Path data) throws Exception {
    byte[] created = SiteKeys.serverKey(data.resolve("data"));
    assertThat(created).hasSize(SiteKeys.GENERATED_BYTES);
    Path file = data.resolve("data").resolve(SiteKeys.SITE_KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(SiteKeys.serverKey(data.resolve("data"))).isEqualTo(created);
    assertThat(SiteKeys.keyId(created)).hasSize(SiteKeys.KEY_ID_DIGITS).isEqualTo(SiteKeys.keyId(created.clone()))
        .isNotEqualTo(SiteKeys.keyId(new byte[SiteKeys.GENERATED_BYTES]));
    Files.write(file, new byte[3]);
    assertThatThrownBy(() -> SiteKeys.serverKey(data.resolve("data"))).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("3 bytes");
  }
}
