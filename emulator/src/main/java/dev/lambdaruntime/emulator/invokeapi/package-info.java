/**
 * The Lambda Invoke API that callers use ({@code POST /2015-03-31/functions/{name}/invocations}),
 * as curl, the AWS CLI and SDKs call it: requests checked as Lambda checks them, the invocation
 * types, errors in the form the SDKs parse, streamed answers.
 */
@NullMarked
package dev.lambdaruntime.emulator.invokeapi;

import org.jspecify.annotations.NullMarked;
