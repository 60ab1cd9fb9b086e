package dev.lambdaruntime.benchmarks.harness;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Our figures divided by each peer's, per payload, measured in the same run, with the targets
 * they must meet.
 */
final class RatioTable {

	private final List<RunResult> results;

	RatioTable(List<RunResult> results) {
		this.results = results;
	}

	private record Column(String title, String peer, ToDoubleFunction<Measurement> metric, @Nullable Target target) {
	}

	private static final List<Column> COLUMNS = List.of(
			new Column("CPU ours/RIC", Contenders.RUNTIME_INTERFACE_CLIENT, RatioTable::cpu, Target.atMost(0.5)),
			new Column("CPU ours/SCF", Contenders.SPRING_CLOUD_FUNCTION, RatioTable::cpu, Target.atMost(0.15)),
			new Column("CPU ours/floor", Contenders.FLOOR, RatioTable::cpu, null),
			new Column("throughput ours/RIC", Contenders.RUNTIME_INTERFACE_CLIENT, Measurement::throughputPerSecond,
					Target.atLeast(1.3)),
			new Column("throughput ours/SCF", Contenders.SPRING_CLOUD_FUNCTION, Measurement::throughputPerSecond,
					Target.atLeast(3)),
			new Column("throughput ours/floor", Contenders.FLOOR, Measurement::throughputPerSecond, null),
			new Column("peak RSS ours/RIC", Contenders.RUNTIME_INTERFACE_CLIENT, Measurement::peakRssKb, null),
			new Column("peak RSS ours/SCF", Contenders.SPRING_CLOUD_FUNCTION, Measurement::peakRssKb,
					Target.atMost(0.8)),
			new Column("init ours/RIC", Contenders.RUNTIME_INTERFACE_CLIENT, Measurement::initMillis, null),
			new Column("init ours/SCF", Contenders.SPRING_CLOUD_FUNCTION, Measurement::initMillis,
					Target.atMost(0.8)),
			new Column("init CPU ours/SCF", Contenders.SPRING_CLOUD_FUNCTION, Measurement::initCpuMillis, null));

	String markdown() {
		StringBuilder table = new StringBuilder("| payload |");
		COLUMNS.forEach((column) -> table.append(' ')
			.append(column.title())
			.append((column.target() != null) ? " (" + column.target() + ")" : "")
			.append(" |"));
		table.append("\n|---|").append("---:|".repeat(COLUMNS.size())).append('\n');
		this.results.stream().map(RunResult::payload).distinct().forEach((payload) -> {
			table.append("| ").append(payload.label()).append(" |");
			COLUMNS.forEach((column) -> table.append(' ').append(cell(payload, column)).append(" |"));
			table.append('\n');
		});
		return table.toString();
	}

	private String cell(Payload payload, Column column) {
		Measurement ours = measurement(Contenders.OURS, payload);
		Measurement peer = measurement(column.peer(), payload);
		if (ours == null || peer == null) {
			return "n/a";
		}
		double ratio = column.metric().applyAsDouble(ours) / column.metric().applyAsDouble(peer);
		String cell = String.format(Locale.ROOT, "%.2f", ratio);
		if (column.target() == null) {
			return cell;
		}
		return cell + (column.target().isMetBy(ratio) ? " ✓" : " ✗");
	}

	private @Nullable Measurement measurement(String contenderKey, Payload payload) {
		return this.results.stream()
			.filter((result) -> result.contender().key().equals(contenderKey) && result.payload().equals(payload))
			.map(RunResult::measurement)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static double cpu(Measurement measurement) {
		return measurement.cpuPerInvocation().totalNanos();
	}

}
