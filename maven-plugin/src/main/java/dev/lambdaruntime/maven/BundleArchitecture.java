package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.maven.plugin.MojoExecutionException;
import software.amazon.awssdk.services.lambda.model.Architecture;

/**
 * The Lambda architecture a bundle runs on, read from what its Java runtime records: the
 * {@code OS_ARCH} line of {@code runtime/release} that jlink writes. The runtime is native code,
 * so the function must run on the instruction set the bundle was built on.
 */
final class BundleArchitecture {

	private static final String RELEASE = "runtime/release";

	private BundleArchitecture() {
	}

	/**
	 * Reads the architecture of a bundle.
	 * @param zip the bundle, {@code function.zip}
	 * @return {@code x86_64} or {@code arm64}
	 * @throws MojoExecutionException if the bundle has no Java runtime of the bundle goal or one
	 * for an instruction set that Lambda does not run
	 */
	static Architecture of(Path zip) throws MojoExecutionException {
		String osArch = osArch(zip);
		return switch (osArch) {
			case "x86_64", "amd64" -> Architecture.X86_64;
			case "aarch64", "arm64" -> Architecture.ARM64;
			default -> throw new MojoExecutionException("The bundle's Java runtime is for " + osArch + " (OS_ARCH in "
					+ RELEASE + " of " + zip + "); Lambda runs x86_64 and arm64: build the bundle on one of them");
		};
	}

	private static String osArch(Path zip) throws MojoExecutionException {
		try (ZipFile bundle = new ZipFile(zip.toFile())) {
			ZipEntry release = bundle.getEntry(RELEASE);
			if (release == null) {
				throw new MojoExecutionException(zip + " has no " + RELEASE
						+ ": it is not a bundle of the bundle goal; run package first");
			}
			Properties properties = new Properties();
			try (InputStream in = bundle.getInputStream(release)) {
				properties.load(in);
			}
			return properties.getProperty("OS_ARCH", "").replace("\"", "");
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot read the Java runtime's " + RELEASE + " in " + zip, ex);
		}
	}

}
