package dev.lambdaruntime.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * Runs the application locally under the Lambda emulator, with no code of your own: the emulator
 * serves the Lambda Runtime API, the Invoke API and its page in this JVM, and runs the
 * application's main class as the function's runtime, relaunching it when it exits, as Lambda
 * does, until Ctrl-C (or, with {@code lambda.exit-after-event}, until its first event is answered). The application prints the page's address and a curl line with an event
 * that fits its function once it is ready.
 *
 * @since 0.1.0
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class RunMojo extends AbstractMojo {

	private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

	/**
	 * The function to serve when the application has several: a bean name, or a composition
	 * such as {@code trim|uppercase}. Passed as {@code spring.cloud.function.definition} and as the
	 * handler setting ({@code _HANDLER}). Without it, the application's own choice.
	 */
	@Parameter(property = "lambda.function")
	private @Nullable String function;

	/**
	 * A first event to invoke the function with once it started, a JSON text; its answer is
	 * printed.
	 */
	@Parameter(property = "lambda.event")
	private @Nullable String event;

	/**
	 * A file with a first event to invoke the function with, as {@link #event}.
	 */
	@Parameter(property = "lambda.event-file")
	private @Nullable File eventFile;

	/**
	 * Whether to stop once the first event ({@link #event} or {@link #eventFile}) is answered, for
	 * scripts and CI: the function's log then goes to {@code target/lambda-run.log}, the answer
	 * and the function's log of that invocation are printed, and the goal fails when the
	 * invocation ended in an error.
	 */
	@Parameter(property = "lambda.exit-after-event", defaultValue = "false")
	private boolean exitAfterEvent;

	/**
	 * The application's main class. Without it, the one class with a {@code main} method and
	 * {@code @SpringBootApplication}, found as {@code spring-boot:run} finds it.
	 */
	@Parameter(property = "lambda.main-class")
	private @Nullable String mainClass;

	/**
	 * The port of the emulator, its page and its Invoke API; any free one when it is taken.
	 */
	@Parameter(property = "lambda.port", defaultValue = "8080")
	private int port = 8080;

	/**
	 * The folder of the saved events of the emulator's page, one JSON file each, named by the
	 * event: in the project, so that they survive restarts, can be committed, and feed tests
	 * ({@code LambdaTestClient.savedEvent(name)} reads them from the test classpath).
	 */
	@Parameter(property = "lambda.events-dir", defaultValue = "${project.basedir}/src/test/resources/lambda-events")
	private File eventsDir;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		String firstEvent = firstEvent();
		if (this.exitAfterEvent && firstEvent == null) {
			throw new MojoExecutionException(
					"lambda.exit-after-event needs a first event: -Dlambda.event=... or -Dlambda.event-file=...");
		}
		Path logFile = this.exitAfterEvent ? Path.of(this.project.getBuild().getDirectory(), "lambda-run.log") : null;
		LocalRun run = new LocalRun(classpath(), mainClass(), this.function, this.port, this.eventsDir.toPath(), logFile);
		LambdaEmulatorLauncher launcher = run.start(getLog());
		getLog().info("Lambda emulator on " + launcher.emulator().pageUrl() + ", starting " + run.mainClass()
				+ ((this.function != null) ? " with function '" + this.function + "'" : "")
				+ ((logFile != null) ? "; its log goes to " + logFile : "; Ctrl-C stops"));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			launcher.close();
			stopped.countDown();
		}, "lambda-runtime-run-shutdown"));
		if (logFile != null) {
			answerAndStop(launcher, Objects.requireNonNull(firstEvent), logFile);
			return;
		}
		if (firstEvent != null) {
			print(firstEvent, LocalRun.invokeFirst(launcher, firstEvent).describe());
		}
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			launcher.close();
		}
	}

	private static void answerAndStop(LambdaEmulatorLauncher launcher, String event, Path logFile)
			throws MojoFailureException {
		FirstEventAnswer answer;
		try (launcher) {
			answer = LocalRun.invokeFirst(launcher, event);
		}
		print(event, answer.describe() + "\nLog tail (X-Amz-Log-Result):\n" + answer.logTail().stripTrailing()
				+ "\nThe whole log: " + logFile);
		if (answer.failed()) {
			throw new MojoFailureException("The first event was not answered with a response: " + answer.describe());
		}
	}

	/** The goal's product, like the application's own output: shown with {@code -q} too. */
	private static void print(String event, String answer) {
		System.out.printf("%nFirst event: %s%n%s%n%n", event, answer);
	}

	private @Nullable String firstEvent() throws MojoExecutionException {
		if (this.eventFile == null) {
			return this.event;
		}
		try {
			return Files.readString(this.eventFile.toPath());
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot read the event file " + this.eventFile, ex);
		}
	}

	private List<Path> classpath() throws MojoExecutionException {
		try {
			return this.project.getRuntimeClasspathElements().stream().map(Path::of).toList();
		}
		catch (DependencyResolutionRequiredException ex) {
			throw new MojoExecutionException("The application's dependencies are not resolved", ex);
		}
	}

	private String mainClass() throws MojoExecutionException {
		if (this.mainClass != null) {
			return this.mainClass;
		}
		File classes = new File(this.project.getBuild().getOutputDirectory());
		try {
			String found = MainClassFinder.findSingleMainClass(classes, SPRING_BOOT_APPLICATION);
			if (found == null) {
				throw new MojoExecutionException("No class with a main method and @SpringBootApplication in " + classes
						+ ": name it with -Dlambda.main-class=...");
			}
			return found;
		}
		catch (IOException | IllegalStateException ex) {
			throw new MojoExecutionException("Cannot find the main class in " + classes + " (" + ex.getMessage()
					+ "): name it with -Dlambda.main-class=...", ex);
		}
	}

}
