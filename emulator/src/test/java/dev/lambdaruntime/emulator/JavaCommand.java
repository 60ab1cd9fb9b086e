package dev.lambdaruntime.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds commands that run a main class of the tests in a JVM of its own, as the launcher's
 * runtime or to see what a fresh JVM does. Public for the launcher's tests.
 */
public final class JavaCommand {

	private JavaCommand() {
	}

	public static List<String> of(String mainClass, String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return command;
	}

	public static List<String> of(Class<?> mainClass, String... args) {
		return of(mainClass.getName(), args);
	}

}
