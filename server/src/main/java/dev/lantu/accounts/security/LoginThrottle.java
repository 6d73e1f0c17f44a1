package dev.lantu.accounts.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing from one address: after {@code lantu.security.address-failures} failed sign-ins or bad
 * tokens within {@code lantu.security.address-window}, that address is refused (429) until the window has
 * passed. Per server node, in memory; the account lockout (in the database) is what holds across nodes.
 */
@Component
class LoginThrottle {

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	@Autowired
	LoginThrottle(@Value("${lantu.security.address-failures:20}") int limit,
			@Value("${lantu.security.address-window:PT10M}") Duration window) {
		this(limit, window, Clock.systemUTC());
	}

	LoginThrottle(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/** How long this address must wait before trying again; zero when it may try now. */
	Duration wait(String address) {
		Deque<Instant> recent = failures.get(address);
		if (recent == null) {
			return Duration.ZERO;
		}
		synchronized (recent) {
			Instant now = clock.instant();
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
				recent.pollFirst();
			}
			if (recent.size() < limit) {
				return Duration.ZERO;
			}
			return Duration.between(now, recent.peekFirst().plus(window)).plusSeconds(1);
		}
	}

	void failed(String address) {
		Deque<Instant> recent = failures.computeIfAbsent(address, key -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(clock.instant());
			while (recent.size() > limit) {
				recent.pollFirst();
			}
		}
		if (failures.size() > 100_000) {
			// a flood of addresses must not exhaust memory: forget those whose window has passed
			failures.entrySet().removeIf(entry -> wait(entry.getKey()).isZero());
		}
	}

	void succeeded(String address) {
		failures.remove(address);
	}

}
