package dev.lagotto.core.extract.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.z.ZCompressorInputStream;

/**
 * Entry iteration over zip, tar and 7z archives and decompression of gzip, bzip2, xz and Unix-compress
 * streams (Apache Commons Compress). Only regular-file entries are handed on: directories, links and devices
 * are passed over. Memory: constant per archive, except 7z and xz whose decoder memory is capped at
 * {@link #DECODER_MEMORY_LIMIT_KIB}. Stateless.
 */
final class Archives {

  /** Decoder memory a 7z archive or xz stream may ask for: 256 MiB (larger dictionaries are refused). */
  static final int DECODER_MEMORY_LIMIT_KIB = 256 * 1024;

  private static final Set<String> TAR_TYPES = Set.of("application/x-tar", "application/x-gtar");

  private Archives() {}

  /** Receives the entries of an archive, in stored order. */
  interface EntrySink {
    /**
     * One regular-file entry; the stream is valid during the call only.
     *
     * @param compressedSize stored size of the entry (for 7z, whose solid blocks have no per-entry size: of the
     *     whole archive), or -1 when unknown
     * @return whether to go on with the next entry
     */
    boolean entry(String name, InputStream in, long compressedSize) throws IOException;

    /** An entry that cannot be read: encrypted, or stored with an unsupported method. */
    void unreadable(String name, SkipReason reason, String detail);
  }

  static boolean isTar(String mediaType) {
    return TAR_TYPES.contains(mediaType);
  }

  /** Iterates the entries of a zip, tar or 7z file. */
  static void walk(Path file, String mediaType, EntrySink sink) throws IOException {
    switch (mediaType) {
      case "application/zip" -> walkZip(file, sink);
      case "application/x-7z-compressed" -> walkSevenZ(file, sink);
      default -> {
        if (!isTar(mediaType)) {
          throw new IllegalArgumentException("not an archive type: " + mediaType);
        }
        try (InputStream in = Files.newInputStream(file)) {
          walkTar(in, sink);
        }
      }
    }
  }

  /** Iterates the entries of a tar stream (not closed). */
  static void walkTar(InputStream in, EntrySink sink) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
      if (e.isFile() && !e.isLink() && !e.isSymbolicLink()) {
        if (!sink.entry(e.getName(), tar, -1)) {
          return;
        }
      }
    }
  }

  /** A decompressing stream over {@code in} for a compressed media type (concatenated gzip members included). */
  static InputStream decompress(String mediaType, InputStream in) throws IOException {
    return switch (mediaType) {
      case "application/gzip", "application/x-gzip" ->
          GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
      case "application/x-bzip2" -> new BZip2CompressorInputStream(in, true);
      case "application/x-xz" -> XZCompressorInputStream.builder().setInputStream(in)
          .setDecompressConcatenated(true).setMemoryLimitKiB(DECODER_MEMORY_LIMIT_KIB).get();
      case "application/x-compress" -> new ZCompressorInputStream(in);
      default -> throw new IllegalArgumentException("not a compressed type: " + mediaType);
    };
  }

  private static void walkZip(Path file, EntrySink sink) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        if (e.isDirectory() || e.isUnixSymlink()) {
          continue;
        }
        if (!zip.canReadEntryData(e)) {
          if (e.getGeneralPurposeBit().usesEncryption()) {
            sink.unreadable(e.getName(), SkipReason.ENCRYPTED, "encrypted zip entry");
          } else {
            sink.unreadable(e.getName(), SkipReason.UNSUPPORTED, "zip compression method " + e.getMethod());
          }
          continue;
        }
        boolean goOn;
        try (InputStream in = zip.getInputStream(e)) {
          goOn = sink.entry(e.getName(), in, e.getCompressedSize());
        }
        if (!goOn) {
          return;
        }
      }
    }
  }

  private static void walkSevenZ(Path file, EntrySink sink) throws IOException {
    try (SevenZFile sevenZ = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(DECODER_MEMORY_LIMIT_KIB)
        .get()) {
      long archiveSize = Files.size(file);
      for (SevenZArchiveEntry e; (e = sevenZ.getNextEntry()) != null; ) {
        if (e.isDirectory() || !e.hasStream()) {
          continue;
        }
        boolean goOn;
        try (InputStream in = sevenZ.getInputStream(e)) {
          goOn = sink.entry(e.getName(), in, archiveSize);
        }
        if (!goOn) {
          return;
        }
      }
    }
  }
}
