/**
 * JMH benchmarks of the starter's in-process invocation path: conversion alone, the core loop
 * over HTTP, and the whole starter.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
