package dev.lambdaruntime.maven;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS CLI line that invokes a deployed function, printed by the deploy goal so the next step
 * is a paste away.
 */
final class InvokeCommand {

	private InvokeCommand() {
	}

	/**
	 * Writes the line.
	 * @param function the function's name
	 * @param alias the alias to invoke, or null for the unpublished version
	 * @param region the function's region
	 * @param endpoint the Lambda service's address when it is not AWS's, or null
	 * @return the line, ending with the file the answer goes to
	 */
	static String of(String function, @Nullable String alias, Region region, @Nullable URI endpoint) {
		return "aws lambda invoke --function-name " + function + ((alias != null) ? " --qualifier " + alias : "")
				+ " --region " + region.id() + ((endpoint != null) ? " --endpoint-url " + endpoint : "")
				+ " --cli-binary-format raw-in-base64-out --payload '{}' out.json";
	}

}
