package dev.lambdaruntime.emulator.invokeapi;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * An emulator with its defaults, run by the flood test in a JVM of its own so that its heap is
 * measured alone: writes its Runtime API address to a file, serves until its standard input
 * closes, then prints the heap it retains after a full collection.
 */
final class EmulatorProcess {

	static final String RETAINED_HEAP = "retained heap bytes: ";

	private EmulatorProcess() {
	}

	/**
	 * Runs the emulator.
	 * @param args the file to write the address to
	 */
	public static void main(String[] args) throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().logOutput((line) -> {
		}).build()) {
			Path address = Path.of(args[0]);
			Path written = Files.writeString(address.resolveSibling(address.getFileName() + ".tmp"),
					emulator.runtimeApi());
			Files.move(written, address, StandardCopyOption.ATOMIC_MOVE);
			System.in.transferTo(OutputStream.nullOutputStream());
			// what the emulator holds, its queued events included, without the garbage it made
			System.gc();
			System.out.println(RETAINED_HEAP + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		}
	}

}
