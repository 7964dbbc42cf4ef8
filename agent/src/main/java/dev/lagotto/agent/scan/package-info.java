/** A scan of files, directory trees and standard input: walking, filtering, threads and counters. */
package dev.lagotto.agent.scan;
