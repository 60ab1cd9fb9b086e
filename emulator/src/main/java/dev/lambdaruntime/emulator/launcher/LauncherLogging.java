package dev.lambdaruntime.emulator.launcher;

import java.util.Map;

/**
 * Sets up the console logging of {@code lambda-runtime-emulator.jar} (slf4j-simple): short lines
 * with the time, level and message, each setting left alone when given with {@code -D}.
 */
final class LauncherLogging {

	private static final Map<String, String> DEFAULTS = Map.of("org.slf4j.simpleLogger.showDateTime", "true",
			"org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS", "org.slf4j.simpleLogger.showThreadName", "false",
			"org.slf4j.simpleLogger.showLogName", "false", "org.slf4j.simpleLogger.levelInBrackets", "true");

	private LauncherLogging() {
	}

	/**
	 * Applies the settings; call before the first logger is made.
	 */
	static void configure() {
		DEFAULTS.forEach((name, value) -> {
			if (System.getProperty(name) == null) {
				System.setProperty(name, value);
			}
		});
	}

}
