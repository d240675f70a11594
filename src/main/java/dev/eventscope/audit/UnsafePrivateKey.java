package dev.eventscope.audit;

/** The user's private key file is open to other users, so a signature made with it would prove nothing. */
public final class UnsafePrivateKey extends IllegalStateException {

    public UnsafePrivateKey(String message) {
        super(message);
    }
}
