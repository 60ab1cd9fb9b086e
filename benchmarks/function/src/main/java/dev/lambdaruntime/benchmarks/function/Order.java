package dev.lambdaruntime.benchmarks.function;

/**
 * The event every contender reads.
 *
 * @param id the order's id
 * @param quantity how many items were ordered
 * @param note free text, padded to make the event as large as a benchmark needs
 * @since 0.1.0
 */
public record Order(String id, int quantity, String note) {
}
