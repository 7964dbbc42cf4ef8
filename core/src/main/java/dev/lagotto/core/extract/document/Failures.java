package dev.lagotto.core.extract.document;

import java.util.Locale;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;

/**
 * Maps a parser or archive failure to a {@link SkipReason} and a one-line detail made only of exception class
 * names (exception messages may quote document content, which must not reach logs or reports).
 */
final class Failures {

  private Failures() {}

  /** A failure as reason and detail. */
  record Failure(SkipReason reason, String detail) {}

  static Failure classify(Throwable t) {
    LimitExceededException limit = LimitExceededException.find(t);
    if (limit != null) {
      return new Failure(limit.reason(), limit.getMessage());
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof EncryptedDocumentException || c instanceof org.apache.poi.EncryptedDocumentException
          || c instanceof InvalidPasswordException || c instanceof PasswordRequiredException) {
        return new Failure(SkipReason.ENCRYPTED, "encrypted or password protected");
      }
      if (c instanceof UnsupportedZipFeatureException z
          && z.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION) {
        return new Failure(SkipReason.ENCRYPTED, "encrypted zip entry");
      }
      if (c instanceof OutOfMemoryError) {
        return new Failure(SkipReason.TOO_LARGE, "parser ran out of memory");
      }
      if (c instanceof UnsupportedFormatException) {
        return new Failure(SkipReason.UNSUPPORTED, "unsupported format variant");
      }
      String message = c.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
        return new Failure(SkipReason.ZIP_BOMB, "zip bomb detected by the parser");
      }
    }
    return new Failure(SkipReason.CORRUPT, "unreadable: " + chain(t));
  }

  /** Simple class names of a cause chain, outermost first, at most four. */
  static String chain(Throwable t) {
    StringBuilder names = new StringBuilder();
    int n = 0;
    for (Throwable c = t; c != null && n < 4; c = c.getCause() == c ? null : c.getCause(), n++) {
      if (n > 0) {
        names.append(" <- ");
      }
      names.append(c.getClass().getSimpleName());
    }
    return names.toString();
  }
}
