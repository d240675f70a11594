package dev.eventscope.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Given / when / then over a {@link Decider}: {@code given(past events).when(command).then(new events)}
 * or {@code .thenRefused(ViolationType.class)}, which returns the violation for further checks.
 */
public final class DeciderScenario<S, C, E> {

    private final Decider<S, C, E> decider;
    private final List<E> history;

    private DeciderScenario(Decider<S, C, E> decider, List<E> history) {
        this.decider = decider;
        this.history = List.copyOf(history);
    }

    public static <S, C, E> DeciderScenario<S, C, E> forDecider(Decider<S, C, E> decider) {
        return new DeciderScenario<>(decider, List.of());
    }

    @SafeVarargs
    public final DeciderScenario<S, C, E> given(E... events) {
        List<E> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(events));
        return new DeciderScenario<>(decider, all);
    }

    /** The state the past events fold to. */
    public S state() {
        return decider.fold(decider.initialState(), history);
    }

    public Outcome<S, E> when(C command) {
        S state = state();
        try {
            List<E> events = decider.decide(command, state);
            return new Outcome<>(decider, state, events, null);
        } catch (RuntimeException refusal) {
            return new Outcome<>(decider, state, null, refusal);
        }
    }

    /** What a command did: the events it produced or the exception that refused it. */
    public static final class Outcome<S, E> {

        private final Decider<S, ?, E> decider;
        private final S stateBefore;
        private final List<E> events;
        private final RuntimeException refusal;

        private Outcome(Decider<S, ?, E> decider, S stateBefore, List<E> events, RuntimeException refusal) {
            this.decider = decider;
            this.stateBefore = stateBefore;
            this.events = events;
            this.refusal = refusal;
        }

        @SafeVarargs
        public final Outcome<S, E> then(E... expected) {
            if (refusal != null) {
                fail("expected events " + Arrays.toString(expected) + " but the command was refused: "
                        + refusal.getMessage(), refusal);
            }
            assertEquals(List.of(expected), events);
            return this;
        }

        /** The state after the new events. */
        public S stateAfter() {
            if (refusal != null) {
                fail("the command was refused: " + refusal.getMessage(), refusal);
            }
            return decider.fold(stateBefore, events);
        }

        public <X extends RuntimeException> X thenRefused(Class<X> type) {
            if (refusal == null) {
                fail("expected " + type.getSimpleName() + " but the command produced " + events);
            }
            return assertInstanceOf(type, refusal, () -> "refused with " + refusal);
        }
    }
}
