package dev.lambdaruntime.benchmarks.function;

/**
 * The result every contender writes.
 *
 * @param id the order's id
 * @param total the order's price in cents
 * @param note the order's note, echoed
 * @since 0.1.0
 */
public record Receipt(String id, int total, String note) {
}
