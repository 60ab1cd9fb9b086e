package dev.lambdaruntime.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.lambdaruntime.function.FunctionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In a local run, tells the emulator which functions the application has, with their input and
 * output types, once it is ready: the emulator knows no Spring, and its page lists them so that a
 * person picks the one to invoke by name. {@code PUT /emulator/api/functions} on the Runtime
 * API's address; a failure only leaves the list empty, so it is logged at DEBUG.
 *
 * @since 0.1.0
 */
public final class FunctionListPublisher implements ApplicationListener<ApplicationReadyEvent> {

	/** Where the emulator takes the functions. */
	static final String PATH = "/emulator/api/functions";

	private static final Logger logger = LoggerFactory.getLogger(FunctionListPublisher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		FunctionCatalog catalog = context.getBeanProvider(FunctionCatalog.class).getIfAvailable();
		String base = EmulatorAddress.of(context.getEnvironment()).orElse(null);
		if (catalog == null || base == null) {
			return;
		}
		List<FunctionDescription> functions = FunctionDescription.of(catalog, context.getBeanFactory());
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofByteArray(JsonMapper.shared().writeValueAsBytes(Map.of("functions", functions))))
			.build();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
		http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
			if (failure != null || response.statusCode() != 204) {
				logger.debug("The emulator at {} did not take the list of functions ({})", base,
						(failure != null) ? failure.toString() : "HTTP " + response.statusCode());
			}
		});
	}

}
