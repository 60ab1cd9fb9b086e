package dev.lambdaruntime.maven;

import org.jspecify.annotations.Nullable;

/**
 * What a deploy made: the function, and the version it published and the alias it moved, if any.
 *
 * @param arn the function's ARN
 * @param version the published version, or null
 * @param aliasArn the alias's ARN, or null
 */
record DeployedFunction(String arn, @Nullable String version, @Nullable String aliasArn) {

}
