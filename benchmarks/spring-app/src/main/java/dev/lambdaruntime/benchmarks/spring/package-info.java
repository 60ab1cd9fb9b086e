/**
 * The Spring Boot function application that both Spring contenders run.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
