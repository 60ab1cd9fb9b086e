package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded soak of our starter: 200,000 invocations of 100 B events, one at a time, with the
 * contender's heap after a full GC and its resident memory read every 25,000. It exits non-zero
 * when, after the first slice, the heap after GC passes 16 MB or resident memory grows by more
 * than 8 MB: a leak shows as steady growth long before it fails a function.
 */
public final class SoakRun {

	private static final int SLICE = 25_000;

	private static final int SLICES = 8;

	private static final long HEAP_AFTER_GC_BOUND_KB = 16 * 1024;

	private static final long RSS_GROWTH_BOUND_KB = 8 * 1024;

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	private SoakRun() {
	}

	/** Runs the soak with the JDK running it; prints one line per slice and a verdict. */
	public static void main(String[] args) throws Exception {
		Path benchmarks = Harness.benchmarksDirectory();
		Contender starter = Contenders.all(benchmarks)
			.stream()
			.filter((contender) -> contender.key().equals(Contenders.OURS))
			.findFirst()
			.orElseThrow();
		Payload payload = new Payload("100 B", 100, 2_000, SLICE);
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Launcher launcher = Launcher.create(java, benchmarks.resolve("target/logs"), false);
		try (ContenderSession session = ContenderSession.start(launcher, starter, payload)) {
			session.warmUp();
			long firstRssKb = 0;
			long worstHeapKb = 0;
			long worstRssKb = 0;
			for (int slice = 1; slice <= SLICES && session.failure() == null; slice++) {
				session.measureSlice(SLICE);
				long heapKb = heapAfterGcKb(session.pid());
				long rssKb = ProcessStats.of(session.pid()).residentKb();
				firstRssKb = (slice == 1) ? rssKb : firstRssKb;
				worstHeapKb = Math.max(worstHeapKb, heapKb);
				worstRssKb = Math.max(worstRssKb, rssKb);
				System.out.printf("%,d invocations: heap after GC %,d KB, RSS %,d KB%n", slice * SLICE, heapKb, rssKb);
			}
			if (session.failure() != null) {
				throw new IllegalStateException("The soak failed: " + session.failure());
			}
			boolean within = worstHeapKb <= HEAP_AFTER_GC_BOUND_KB && worstRssKb - firstRssKb <= RSS_GROWTH_BOUND_KB;
			System.out.printf("Heap after GC at most %,d KB (bound %,d); RSS growth after the first slice %,d KB (bound %,d): %s%n",
					worstHeapKb, HEAP_AFTER_GC_BOUND_KB, worstRssKb - firstRssKb, RSS_GROWTH_BOUND_KB,
					within ? "within bounds" : "OUT OF BOUNDS");
			if (!within) {
				System.exit(1);
			}
		}
	}

	/** Runs a full GC in the contender with {@code jcmd}, then reads the heap in use. */
	private static long heapAfterGcKb(long pid) throws IOException, InterruptedException {
		jcmd(pid, "GC.run");
		Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
		if (!used.find()) {
			throw new IOException("jcmd GC.heap_info printed no heap in use");
		}
		return Long.parseLong(used.group(1));
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IOException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

}
