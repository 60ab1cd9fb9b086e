package dev.lambdaruntime.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the bundle's JDK the Maven way: a JDK toolchain of the requested version, else the
 * toolchain the build selected (maven-toolchains-plugin), else a JDK folder named in the
 * configuration, else the JDK running Maven.
 */
final class BundleJdkResolver {

	private static final String JDK = "jdk";

	private final ToolchainManager toolchains;

	private final MavenSession session;

	BundleJdkResolver(ToolchainManager toolchains, MavenSession session) {
		this.toolchains = toolchains;
		this.session = session;
	}

	/**
	 * Finds the JDK.
	 * @param version a toolchain version requirement such as {@code 25}, or {@code null}
	 * @param home a JDK folder, or {@code null}
	 * @return the JDK
	 * @throws MojoExecutionException if what was asked for is not there
	 */
	BundleJdk resolve(@Nullable String version, @Nullable File home) throws MojoExecutionException {
		if (version != null) {
			List<Toolchain> matching = this.toolchains.getToolchains(this.session, JDK, Map.of("version", version));
			if (matching.isEmpty()) {
				throw new MojoExecutionException("No JDK toolchain of version " + version
						+ " in toolchains.xml (lambda.bundle.jdkVersion); add one or name a JDK with lambda.bundle.jdk");
			}
			return fromToolchain(matching.get(0), "toolchain of version " + version);
		}
		Toolchain selected = this.toolchains.getToolchainFromBuildContext(JDK, this.session);
		if (selected != null) {
			return fromToolchain(selected, "the build's JDK toolchain");
		}
		if (home != null) {
			return BundleJdk.of(home.toPath().toAbsolutePath(), "lambda.bundle.jdk");
		}
		return BundleJdk.of(Path.of(System.getProperty("java.home")), "the JDK running Maven");
	}

	private static BundleJdk fromToolchain(Toolchain toolchain, String origin) throws MojoExecutionException {
		String java = toolchain.findTool("java");
		if (java == null) {
			throw new MojoExecutionException("The " + origin + " (" + toolchain + ") has no java");
		}
		return BundleJdk.of(Path.of(java).toAbsolutePath().getParent().getParent(), origin);
	}

}
