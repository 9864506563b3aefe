package io.tlsready.app.rest.pages;

import io.tlsready.domain.access.AccessToken;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's sessions, in this instance's memory only: they end with a restart, and several instances
 * behind one name need sticky sessions. Ids and CSRF tokens are 256 random bits; the table is bounded (the least
 * recently seen session goes first), a session ends after 8 hours unused or 12 hours in all.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofHours(8);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final int MAX_SESSIONS = 10_000;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final int max;

    Sessions(Clock clock, int max) {
        this.clock = clock;
        this.max = max;
    }

    /** A new session for a token just checked; a fresh id every time (no fixation). */
    Session start(AccessToken token) {
        Instant now = clock.instant();
        purge(now);
        while (byId.size() >= max) {
            byId.values().stream().min(Comparator.comparing(Session::lastSeen)).ifPresent(s -> byId.remove(s.id()));
        }
        Session s = new Session(secret(), token.hash(), token.name(), token.role(), secret(), now);
        byId.put(s.id(), s);
        return s;
    }

    /** The live session of this cookie value, marked as seen; empty for an unknown, idle or too old one. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null || !MessageDigest.isEqual(s.id().getBytes(), id.getBytes())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(s.id());
            return Optional.empty();
        }
        s.seen(now);
        return Optional.of(s);
    }

    void end(Session s) {
        byId.remove(s.id());
    }

    int size() {
        return byId.size();
    }

    private void purge(Instant now) {
        byId.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(ABSOLUTE));
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
