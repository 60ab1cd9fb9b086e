package dev.lambdaruntime.emulator.invocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peak resident memory of the runtime process, for the {@code REPORT} line's Max Memory Used:
 * Linux's {@code VmHWM} in {@code /proc/PID/status}. Where that cannot be read (another system,
 * or the process is gone), the memory size, as the Runtime Interface Emulator always reports.
 */
public final class PeakMemory {

	private static final String HIGH_WATER_MARK = "VmHWM:";

	private final int memorySizeMb;

	private volatile long pid = ProcessHandle.current().pid();

	/**
	 * Reads the peak memory of this process until told of another.
	 * @param memorySizeMb what to report when the peak cannot be read
	 */
	public PeakMemory(int memorySizeMb) {
		this.memorySizeMb = memorySizeMb;
	}

	/**
	 * Follows another runtime process from now on.
	 * @param pid its process id
	 */
	public void follow(long pid) {
		this.pid = pid;
	}

	/**
	 * Reads the peak memory.
	 * @return megabytes, rounded up
	 */
	public long megabytes() {
		try {
			List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"));
			for (String line : status) {
				if (line.startsWith(HIGH_WATER_MARK)) {
					long kilobytes = Long.parseLong(line.substring(HIGH_WATER_MARK.length()).replace("kB", "").trim());
					return (kilobytes + 1023) / 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process is gone: answered below
		}
		return this.memorySizeMb;
	}

}
