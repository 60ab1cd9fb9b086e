package dev.lambdaruntime.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * The JDK the bundle's Java runtime is made from, and whose version decides between an AOT cache
 * (Java 24 and later) and a CDS archive (Java 17 and 21).
 *
 * @param home the JDK's installation folder
 * @param version its feature version, such as 25
 */
record BundleJdk(Path home, int version) {

	/** The first Java version whose JVM writes an AOT cache ({@code -XX:AOTCacheOutput}). */
	private static final int FIRST_AOT_CACHE_VERSION = 24;

	private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

	/**
	 * Reads a JDK's version from its {@code release} file.
	 * @param home the JDK's installation folder
	 * @param origin what chose it, for the error message
	 * @return the JDK
	 * @throws MojoExecutionException if the folder is no JDK with {@code jlink}
	 */
	static BundleJdk of(Path home, String origin) throws MojoExecutionException {
		if (!Files.isExecutable(home.resolve("bin").resolve("jlink"))) {
			throw new MojoExecutionException(home + " (" + origin + ") is not a JDK with jlink");
		}
		Optional<Integer> version = readVersion(home.resolve("release"));
		if (version.isEmpty()) {
			throw new MojoExecutionException("No JAVA_VERSION in " + home.resolve("release") + " (" + origin + ")");
		}
		return new BundleJdk(home, version.get());
	}

	private static Optional<Integer> readVersion(Path release) {
		try {
			Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
			return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns whether the JVM writes an AOT cache rather than a CDS archive.
	 * @return {@code true} from Java 24 on
	 */
	boolean writesAotCache() {
		return this.version >= FIRST_AOT_CACHE_VERSION;
	}

	/**
	 * Returns one of the JDK's programs.
	 * @param name such as {@code java} or {@code jlink}
	 * @return its path
	 */
	String tool(String name) {
		return this.home.resolve("bin").resolve(name).toString();
	}

}
