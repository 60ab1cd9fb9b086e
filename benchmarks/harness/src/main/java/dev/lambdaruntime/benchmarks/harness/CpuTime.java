package dev.lambdaruntime.benchmarks.harness;

/**
 * CPU time a process used, in user space and in the kernel on its behalf.
 *
 * @param userNanos user time
 * @param systemNanos system time
 */
record CpuTime(long userNanos, long systemNanos) {

	static final CpuTime ZERO = new CpuTime(0, 0);

	CpuTime plus(CpuTime other) {
		return new CpuTime(this.userNanos + other.userNanos, this.systemNanos + other.systemNanos);
	}

	CpuTime minus(CpuTime earlier) {
		return new CpuTime(this.userNanos - earlier.userNanos, this.systemNanos - earlier.systemNanos);
	}

	CpuTime dividedBy(int count) {
		return new CpuTime(this.userNanos / count, this.systemNanos / count);
	}

	long totalNanos() {
		return this.userNanos + this.systemNanos;
	}

}
