package dev.lambdaruntime.emulator.launcher;

import java.util.Map;
import java.util.Properties;

/**
 * The system properties of the launcher's own JVM
 * ({@code lambda-runtime-emulator-VERSION-exec.jar}), each left alone when given with {@code -D}:
 * short console log lines (slf4j-simple) with the time, level and message, and
 * {@code TCP_NODELAY} on the connections of the JDK's HTTP server, which writes an answer's
 * headers and body separately: without it, Nagle's algorithm and delayed ACKs hold every answer
 * back about 40 ms.
 */
final class LauncherSystemProperties {

	private static final Map<String, String> DEFAULTS = Map.of("org.slf4j.simpleLogger.showDateTime", "true",
			"org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS", "org.slf4j.simpleLogger.showThreadName", "false",
			"org.slf4j.simpleLogger.showLogName", "false", "org.slf4j.simpleLogger.levelInBrackets", "true",
			"sun.net.httpserver.nodelay", "true");

	private LauncherSystemProperties() {
	}

	/**
	 * Sets the defaults that are not set yet; call before the first logger and the first HTTP
	 * server are made, which read them once.
	 * @param properties the JVM's system properties
	 */
	static void applyDefaults(Properties properties) {
		DEFAULTS.forEach(properties::putIfAbsent);
	}

}
