package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.jspecify.annotations.Nullable;

/**
 * Packages the application as an AWS Lambda {@code provided.al2023} bundle,
 * {@code target/function.zip}, and the same files in {@code target/lambda/} for a container
 * image: {@code bootstrap}, a Java runtime made by jlink with only the modules the application
 * uses, the application in Spring Boot's extracted layout, and the JVM's AOT cache (Java 24 and
 * later) or CDS archive (Java 17 and 21) recorded by a training run that serves one invocation
 * under the Lambda emulator. The runtime is native code: build on the function's architecture.
 *
 * @since 0.1.0
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
		threadSafe = true)
public class BundleMojo extends AbstractMojo {

	private static final String SPRING_BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";

	private static final String PROCESS_AOT = "process-aot";

	/**
	 * The version of the JDK toolchain to make the bundle's Java runtime from, such as
	 * {@code 25}, looked up in {@code ~/.m2/toolchains.xml}. Without it, the toolchain that
	 * maven-toolchains-plugin selected, else {@link #jdk}, else the JDK running Maven. Its
	 * version decides the start-up cache: an AOT cache from Java 24, a CDS archive on 17 and 21.
	 */
	@Parameter(property = "lambda.bundle.jdkVersion")
	private @Nullable String jdkVersion;

	/**
	 * The folder of the JDK to make the bundle's Java runtime from, when no toolchain decides.
	 */
	@Parameter(property = "lambda.bundle.jdk")
	private @Nullable File jdk;

	/**
	 * The event, a JSON text, that the training run invokes the function with, so that the
	 * start-up cache also holds what the first invocation loads. The function really runs, at
	 * build time, on the build machine: choose an event without side effects.
	 */
	@Parameter(property = "lambda.bundle.trainingEvent", defaultValue = "{}")
	private String trainingEvent = "{}";

	/**
	 * The handler setting ({@code _HANDLER}) of the training run: the name of the function bean
	 * if you choose the function that way in Lambda, else {@code bootstrap}.
	 */
	@Parameter(property = "lambda.bundle.trainingHandler", defaultValue = "bootstrap")
	private String trainingHandler = "bootstrap";

	/**
	 * Whether to skip making the bundle.
	 */
	@Parameter(property = "lambda.bundle.skip", defaultValue = "false")
	private boolean skip;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private MavenSession session;

	@Component
	private ToolchainManager toolchainManager;

	@Override
	public void execute() throws MojoExecutionException {
		if (this.skip) {
			getLog().info("Skipping the Lambda bundle (lambda.bundle.skip)");
			return;
		}
		Path jar = SpringBootJar.of(this.project);
		boolean springAot = hasSpringAot();
		if (!springAot) {
			getLog().warn("No Spring AOT: without its generated bean definitions the bundle takes about 1.5 times"
					+ " the CPU time to start. Add to spring-boot-maven-plugin: <executions><execution><id>process-aot</id><goals>"
					+ "<goal>process-aot</goal></goals></execution></executions>");
		}
		BundleJdk bundleJdk = new BundleJdkResolver(this.toolchainManager, this.session).resolve(this.jdkVersion,
				this.jdk);
		getLog().info("Lambda bundle: Java " + bundleJdk.version() + " runtime from " + bundleJdk.home() + ", "
				+ (bundleJdk.writesAotCache() ? "AOT cache" : "CDS archive") + ", for " + System.getProperty("os.arch"));
		Path target = Path.of(this.project.getBuild().getDirectory());
		Path bundle = target.resolve("lambda");
		try {
			deleteRecursively(bundle);
			JdkCommand.run(List.of(bundleJdk.tool("java"), "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", bundle.resolve("app").toString(), "--application-filename", "app.jar"));
			UncompressedJars.rewrite(bundle.resolve("app"));
			PinnedTime.apply(bundle.resolve("app"));
			JavaRuntimeImage.link(bundleJdk, bundle.resolve("app"), bundle.resolve("runtime"));
			BundleScripts.write(bundle, springAot, usesLogback());
			train(bundleJdk, bundle, target.resolve("lambda-training.log"));
			PinnedTime.apply(bundle);
			Path zip = target.resolve("function.zip");
			FunctionZip.write(bundle, zip);
			getLog().info("Lambda bundle: " + zip + " (" + Files.size(zip) / (1024 * 1024) + " MB), unzipped in "
					+ bundle);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot write the Lambda bundle in " + bundle, ex);
		}
	}

	private void train(BundleJdk bundleJdk, Path bundle, Path log) throws MojoExecutionException, IOException {
		TrainingRun training = new TrainingRun(bundle, log);
		if (bundleJdk.writesAotCache()) {
			// without training data the runtime does not recompile at start what training compiled
			training.run("-XX:AOTCacheOutput=app.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining",
					bundle.resolve("app.aot"), this.trainingEvent, this.trainingHandler);
		}
		else {
			training.run("-XX:ArchiveClassesAtExit=app.jsa", bundle.resolve("app.jsa"), this.trainingEvent,
					this.trainingHandler);
		}
	}

	private boolean hasSpringAot() {
		return this.project.getBuildPlugins()
			.stream()
			.filter((plugin) -> plugin.getKey().equals(SPRING_BOOT_PLUGIN))
			.flatMap((plugin) -> plugin.getExecutions().stream())
			.anyMatch((execution) -> execution.getGoals().contains(PROCESS_AOT));
	}

	private boolean usesLogback() {
		return this.project.getArtifacts()
			.stream()
			.anyMatch((artifact) -> artifact.getGroupId().equals("ch.qos.logback")
					&& artifact.getArtifactId().equals("logback-classic"));
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
