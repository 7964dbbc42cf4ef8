/** Sources: plain files, gzip streams and standard input, read in overlapping chunks (later: Tika documents, archives, JDBC). */
package dev.lagotto.core.extract;
