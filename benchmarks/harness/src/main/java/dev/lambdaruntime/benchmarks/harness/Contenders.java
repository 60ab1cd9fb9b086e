package dev.lambdaruntime.benchmarks.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The four contenders, each built by its module under {@code benchmarks/}, all serving the same
 * one-line function.
 */
final class Contenders {

	/** Whose figures the ratios are about. */
	static final String OURS = "starter";

	static final String SPRING_CLOUD_FUNCTION = "scf";

	static final String RUNTIME_INTERFACE_CLIENT = "ric";

	static final String FLOOR = "floor";

	private static final String RIC_HANDLER = "dev.lambdaruntime.benchmarks.ric.CheckoutHandler::handleRequest";

	private Contenders() {
	}

	static List<Contender> all(Path benchmarks) {
		return List.of(bootJar(benchmarks, OURS, "lambda-runtime (ours)", "checkout"),
				bootJar(benchmarks, SPRING_CLOUD_FUNCTION, "Spring Cloud Function AWS adapter", "checkout"),
				classpath(benchmarks, RUNTIME_INTERFACE_CLIENT, "AWS runtime interface client", RIC_HANDLER,
						"com.amazonaws.services.lambda.runtime.api.client.AWSLambda", RIC_HANDLER),
				classpath(benchmarks, FLOOR, "raw-socket floor", "bootstrap",
						"dev.lambdaruntime.benchmarks.floor.FloorRuntime"));
	}

	private static Contender bootJar(Path benchmarks, String key, String name, String handler) {
		Path directory = benchmarks.resolve("contender-" + key);
		Path jar = jar(directory, key);
		return new Contender(key, name, handler, directory, jar, List.of("-jar", jar.toString()));
	}

	private static Contender classpath(Path benchmarks, String key, String name, String handler, String mainClass,
			String... arguments) {
		Path directory = benchmarks.resolve("contender-" + key);
		Path jar = jar(directory, key);
		String classpath = jar + File.pathSeparator + directory.resolve("target/lib/*");
		List<String> launch = new ArrayList<>(List.of("-cp", classpath, mainClass));
		launch.addAll(List.of(arguments));
		return new Contender(key, name, handler, directory, jar, List.copyOf(launch));
	}

	private static Path jar(Path directory, String key) {
		return directory.resolve("target/lambda-runtime-benchmarks-contender-" + key + ".jar");
	}

}
