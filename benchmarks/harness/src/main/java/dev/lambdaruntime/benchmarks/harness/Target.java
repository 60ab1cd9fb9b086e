package dev.lambdaruntime.benchmarks.harness;

/**
 * A ratio ours / peer must stay under, or reach.
 *
 * @param atMost whether the ratio must be at most the bound, rather than at least
 * @param bound the bound
 */
record Target(boolean atMost, double bound) {

	static Target atMost(double bound) {
		return new Target(true, bound);
	}

	static Target atLeast(double bound) {
		return new Target(false, bound);
	}

	boolean isMetBy(double ratio) {
		return this.atMost ? ratio <= this.bound : ratio >= this.bound;
	}

	@Override
	public String toString() {
		return (this.atMost ? "≤ " : "≥ ") + this.bound;
	}

}
