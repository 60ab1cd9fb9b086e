package dev.lambdaruntime.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * Makes the bundle's Java runtime with {@code jlink}: only the modules that {@code jdeps} finds
 * the application using, without debug symbols, man pages or header files, and without the native
 * libraries of {@code java.desktop} that a Lambda function cannot use: the splash screen, the X11
 * toolkit (Lambda has no display: AWT runs headless) and sound (420 KB of the sample's zip).
 * Uncompressed: {@code --compress} makes the zip larger (zip-6 or zip-9: 26.8 MB instead of 18.9
 * MB for the sample's modules) and classes slower to load.
 */
final class JavaRuntimeImage {

	private static final String UNUSABLE_LIBRARIES = "**/libsplashscreen.so,**/libawt_xawt.so,**/libjsound.so";

	private JavaRuntimeImage() {
	}

	/**
	 * Links the runtime.
	 * @param jdk the JDK to link from
	 * @param application the application's extracted folder ({@code app.jar} and {@code lib/})
	 * @param output the runtime's folder, which must not exist
	 * @throws MojoExecutionException if jdeps or jlink fails
	 */
	static void link(BundleJdk jdk, Path application, Path output) throws MojoExecutionException {
		String modules = JdkCommand.run(List.of(jdk.tool("jdeps"), "--print-module-deps", "--ignore-missing-deps",
				"--multi-release", Integer.toString(jdk.version()), "--class-path",
				application.resolve("lib").resolve("*").toString(), application.resolve("app.jar").toString()))
			.strip();
		// the module list is the last line, after any warnings
		modules = modules.substring(modules.lastIndexOf('\n') + 1);
		List<String> jlink = new ArrayList<>(List.of(jdk.tool("jlink"), "--add-modules", modules, "--strip-debug",
				"--no-man-pages", "--no-header-files", "--exclude-files=" + UNUSABLE_LIBRARIES, "--output",
				output.toString()));
		if (!jdk.writesAotCache()) {
			// Java 17/21: the application's CDS archive is layered on the runtime's own one
			jlink.add("--generate-cds-archive");
		}
		JdkCommand.run(jlink);
	}

}
