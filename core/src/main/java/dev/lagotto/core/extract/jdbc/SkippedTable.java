package dev.lagotto.core.extract.jdbc;

/**
 * A table (or one of its columns) that was not scanned, or not completely, and why. Messages name the table and the database's
 * error class, never a value.
 *
 * @param table the table, {@code schema.table}
 * @param column the column left out, or {@code null} when the whole table was skipped
 * @param reason the reason class
 * @param message a human-readable explanation (from the driver, shortened)
 * @param rowsRead rows read before the failure (0 when the query never ran)
 */
public record SkippedTable(String table, String column, Reason reason, String message, long rowsRead) {

  /** Why a table was skipped. Wire form: lower case. */
  public enum Reason {
    /** No SELECT privilege. */
    PERMISSION_DENIED,
    /** The table disappeared between enumeration and sampling. */
    TABLE_VANISHED,
    /** The sample query ran longer than the statement timeout. */
    TIMEOUT,
    /** A column type the driver could not read, or another SQL error of the query. */
    QUERY_FAILED,
    /** A column whose values the driver could not read as text (the rest of the table was scanned). */
    UNREADABLE_COLUMN;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
