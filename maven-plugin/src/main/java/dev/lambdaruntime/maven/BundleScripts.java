package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Writes the bundle's {@code bootstrap}, the program Lambda starts, and {@code jvm.options}, the
 * JVM flags it starts the application with, from the plugin's resources.
 */
final class BundleScripts {

	static final String BOOTSTRAP = "bootstrap";

	static final String JVM_OPTIONS = "jvm.options";

	private static final String PINNED_TIME_TOKEN = "@PINNED_EPOCH_SECONDS@";

	private BundleScripts() {
	}

	/**
	 * Writes both files.
	 * @param bundle the bundle's folder
	 * @param springAot whether the application was processed by Spring AOT, whose generated bean
	 * definitions it should then start with
	 * @param logback whether the application logs with Logback, which is then named to Spring Boot
	 * so that it does not look for logging systems
	 * @throws IOException if a file cannot be written
	 */
	static void write(Path bundle, boolean springAot, boolean logback) throws IOException {
		Path bootstrap = bundle.resolve(BOOTSTRAP);
		Files.writeString(bootstrap, resource(BOOTSTRAP).replace(PINNED_TIME_TOKEN,
				Long.toString(PinnedTime.INSTANT.getEpochSecond())));
		Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
		StringBuilder options = new StringBuilder(resource(JVM_OPTIONS));
		if (springAot) {
			options.append("# Spring AOT's generated bean definitions (process-aot): without them, 1,140 ms.\n")
				.append("-Dspring.aot.enabled=true\n");
		}
		if (logback) {
			options.append("# Logback named, so Spring Boot does not look up and sort the logging systems it knows: 8 ms.\n")
				.append("-Dorg.springframework.boot.logging.LoggingSystem=")
				.append("org.springframework.boot.logging.logback.LogbackLoggingSystem\n");
		}
		Files.writeString(bundle.resolve(JVM_OPTIONS), options);
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = Objects.requireNonNull(BundleScripts.class.getResourceAsStream(name), name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
