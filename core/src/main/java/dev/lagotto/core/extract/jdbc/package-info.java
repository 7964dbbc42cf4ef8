/**
 * Database sources over JDBC (SQLite, PostgreSQL, MariaDB/MySQL, H2): enumerates tables through
 * {@link java.sql.DatabaseMetaData}, reads a deterministic sample of each table in a read-only transaction,
 * runs the text of each cell through the same {@link dev.lagotto.core.scan.Scanner} as files, and
 * classifies each column from its name and its values. Entry point: {@link
 * dev.lagotto.core.extract.jdbc.DatabaseScanner}; options: {@link dev.lagotto.core.extract.jdbc.JdbcScanOptions};
 * JSONL shapes: {@link dev.lagotto.core.extract.jdbc.JdbcJson}.
 */
package dev.lagotto.core.extract.jdbc;
