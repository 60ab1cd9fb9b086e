package dev.lambdaruntime.emulator.service;

import org.jspecify.annotations.Nullable;

/**
 * A function as the Lambda API's paths name it: a name, {@code name:qualifier}, a partial ARN
 * ({@code 123456789012:function:name}) or an ARN, each with an optional version.
 *
 * @param name the function name
 * @param qualifier the version, if named
 */
record FunctionReference(String name, @Nullable String qualifier) {

	/**
	 * Reads a reference.
	 * @param reference the decoded path segment
	 * @param qualifierParameter the {@code Qualifier} query parameter, which takes precedence
	 * @return the reference
	 */
	static FunctionReference parse(String reference, @Nullable String qualifierParameter) {
		String[] parts = reference.split(":", -1);
		int name = reference.startsWith("arn:") ? 6 : (parts.length > 2 && parts[1].equals("function")) ? 2 : 0;
		if (parts.length <= name || parts.length > name + 2) {
			throw LambdaApiException.notFound("Function not found: " + reference);
		}
		String qualifier = (qualifierParameter != null) ? qualifierParameter
				: (parts.length > name + 1) ? parts[name + 1] : null;
		return new FunctionReference(parts[name], qualifier);
	}

}
