package dev.lambdaruntime.benchmarks.harness;

/**
 * When, how and on what a harness run measured.
 *
 * @param date when the run started
 * @param command the command that ran it
 * @param jdk the contenders' JDK
 * @param machine the machine
 * @param loadAverages the one-minute load average at the start and at the end of the run
 * @param rounds how many rounds the figures are the medians of
 */
record ReportHeader(String date, String command, String jdk, String machine, String loadAverages, int rounds) {

	String markdown() {
		String figures = (this.rounds > 1) ? "Figures are medians of " + this.rounds + " rounds, run interleaved."
				: "Figures are from one round.";
		return "- Date: " + this.date + "\n- Command: `" + this.command + "`\n- Contenders' JDK: " + this.jdk
				+ "; every contender runs as `java " + Launcher.MAX_RAM + " …`, a fresh process per payload. " + figures
				+ "\n- Machine: " + this.machine + "; one-minute load average " + this.loadAverages
				+ " at the start and end. **Shared**: other engineers build on it at the same time, so absolute "
				+ "figures move from run to run; compare the ratios within one run.\n";
	}

}
