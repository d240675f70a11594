package dev.eventscope.domain;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The shape of every aggregate: a pure function that turns a command and the current state into
 * events, and a pure function that folds an event into the next state.
 *
 * @param <S> state
 * @param <C> command
 * @param <E> event
 */
public record Decider<S, C, E>(
        S initialState,
        BiFunction<C, S, List<E>> decide,
        BiFunction<S, E, S> evolve) {

    /** Folds the given events, in order, over {@code state}. */
    public S fold(S state, Iterable<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve.apply(current, event);
        }
        return current;
    }

    /** The events the command produces against the state; throws the domain's rule violation when refused. */
    public List<E> decide(C command, S state) {
        return decide.apply(command, state);
    }

    /** The state after one event. */
    public S evolve(S state, E event) {
        return evolve.apply(state, event);
    }
}
