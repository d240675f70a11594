package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.eventstore.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Finds the event a projection fails on once a whole batch failed: applies the batch again one event per
 * transaction, committing each that succeeds, and stops at the first that fails. Only the live generation
 * records the failure in the projection's state (the projection then stops there while the others go on);
 * a rebuild reports it and keeps the old read model.
 */
final class FailureIsolation {

    private static final Logger LOG = LoggerFactory.getLogger(FailureIsolation.class);

    private final ReadModelStore readModels;

    FailureIsolation(ReadModelStore readModels) {
        this.readModels = readModels;
    }

    /** Applies {@code batch} to the live tables event by event; the failure found, if any, is recorded. */
    Optional<ProjectionFailure> applyToLive(Projection projection, List<DecodedEvent> batch) {
        Optional<ProjectionFailure> failure = applyOneByOne(projection, batch, Generation.LIVE);
        failure.ifPresent(found -> readModels.transaction(transaction ->
                transaction.saveState(transaction.state(projection.name()).orElseThrow().withFailure(found))));
        return failure;
    }

    /** Applies {@code batch} to the shadow tables event by event; returns the failure found, if any. */
    Optional<ProjectionFailure> applyToShadow(Projection projection, List<DecodedEvent> batch) {
        return applyOneByOne(projection, batch, Generation.SHADOW);
    }

    private Optional<ProjectionFailure> applyOneByOne(Projection projection, List<DecodedEvent> batch, Generation generation) {
        for (DecodedEvent event : batch) {
            ProjectionState state = readModels.state(projection.name()).orElseThrow();
            if (generation.stopped(state) || event.recorded().position() <= generation.position(state)) {
                continue;
            }
            try {
                readModels.transaction(transaction -> {
                    projection.apply(List.of(event), transaction.tables(projection, generation.tables(state)));
                    RecordedEvent recorded = event.recorded();
                    transaction.saveState(generation.advancedTo(state, recorded.position(), recorded.hash()));
                });
            } catch (ReadModelException storeFailure) {
                throw storeFailure;
            } catch (RuntimeException failed) {
                ProjectionFailure failure = new ProjectionFailure(projection.name(), event.recorded().position(),
                        event.recorded().type(), failed.getMessage() == null ? failed.toString() : failed.getMessage());
                LOG.error(failure.describe(), failed);
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }
}
