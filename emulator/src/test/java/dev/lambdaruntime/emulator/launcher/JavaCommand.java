package dev.lambdaruntime.emulator.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds commands that run a main class of the tests in a JVM of its own, as the launcher's
 * runtime.
 */
final class JavaCommand {

	private JavaCommand() {
	}

	static List<String> of(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	static List<String> of(Class<?> mainClass, String... args) {
		return of(mainClass.getName(), args);
	}

}
