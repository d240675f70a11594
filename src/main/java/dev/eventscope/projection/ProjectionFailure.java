package dev.eventscope.projection;

/** Why a projection stopped: the event it could not apply and the error, as shown to the user. */
public record ProjectionFailure(String projection, long position, String eventType, String error) {

    /** One sentence for the user. */
    public String describe() {
        return "Projection '" + projection + "' stopped at event " + position + " (" + eventType + "): " + error;
    }
}
