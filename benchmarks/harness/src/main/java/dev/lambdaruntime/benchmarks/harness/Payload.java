package dev.lambdaruntime.benchmarks.harness;

import java.util.List;

/**
 * An event size to measure, with how many events warm the contender up and how many are
 * measured.
 *
 * @param label how the size is shown, such as {@code 64 KB}
 * @param eventBytes the event's exact size in bytes
 * @param warmup events sent before measuring
 * @param measured events measured
 */
record Payload(String label, int eventBytes, int warmup, int measured) {

	/** The sizes measured by default: a typical event, a large one, and Lambda's limit. */
	static final List<Payload> ALL = List.of(new Payload("100 B", 100, 2_000, 5_000),
			new Payload("64 KB", 64 * 1024, 1_000, 2_000), new Payload("1 MB", 1024 * 1024, 100, 300),
			new Payload("6 MB", 6 * 1024 * 1024, 20, 40));

	/** This size with a tenth of the events, for a quick look. */
	Payload quick() {
		return new Payload(this.label, this.eventBytes, Math.max(this.warmup / 10, 3), Math.max(this.measured / 10, 5));
	}

	/** This size with thirty times the measured events, for enough CPU samples in a profile. */
	Payload profiled() {
		return new Payload(this.label, this.eventBytes, this.warmup, this.measured * 30);
	}

	/** The label without spaces, for file names and options: {@code 64KB}. */
	String key() {
		return this.label.replace(" ", "");
	}

}
