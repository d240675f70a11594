package dev.eventscope.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Each user's Ed25519 key pair, created on first use in a directory only that user can read: the
 * private key file is POSIX 600 and the directory 700 (where the file system has POSIX permissions).
 * The default directory is {@code $XDG_CONFIG_HOME/eventscope/keys} or {@code ~/.config/eventscope/keys}.
 * A private key file that other users can read or write is refused with {@link UnsafePrivateKey}.
 */
public final class SigningKeys {

    private final Path directory;

    public SigningKeys(Path directory) {
        this.directory = Objects.requireNonNull(directory, "key directory");
    }

    /** The default key directory for the given environment and home directory. */
    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String configHome = environment.get("XDG_CONFIG_HOME");
        Path base = configHome != null && !configHome.isBlank() ? Path.of(configHome) : Path.of(userHome, ".config");
        return base.resolve("eventscope").resolve("keys");
    }

    public static SigningKeys forCurrentUser() {
        return new SigningKeys(defaultDirectory(System.getenv(), System.getProperty("user.home")));
    }

    public Path directory() {
        return directory;
    }

    public Path privateKeyFile(String user) {
        return directory.resolve(fileName(user) + ".ed25519.key");
    }

    public Path publicKeyFile(String user) {
        return directory.resolve(fileName(user) + ".ed25519.pub");
    }

    /** The user's key pair, created and stored when the user has none yet. */
    public KeyPair forUser(String user) {
        try {
            Path privateFile = privateKeyFile(user);
            Path publicFile = publicKeyFile(user);
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                refuseIfOthersCanRead(privateFile);
                return load(privateFile, publicFile);
            }
            createPrivateDirectory();
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // session 21 (adversary2): each file is written whole beside its name and renamed over it, so a full disk
            // leaves no empty or half-written key behind; the rename replaces a link planted under the key's name, never
            // what it names (session 20)
            writeWhole(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n", true);
            writeWhole(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", false);
            return pair;
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not create or read the signing key of " + user + " in " + directory
                    + ": " + failed.getMessage(), failed);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("The signing key of " + user + " in " + directory + " is not a valid Ed25519 key: "
                    + failed.getMessage(), failed);
        }
    }

    /** A public key from its X.509 encoding. */
    public static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static KeyPair load(Path privateFile, Path publicFile) throws IOException {
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance("Ed25519");
        } catch (GeneralSecurityException noEd25519) {
            throw new IllegalStateException("this Java has no Ed25519", noEd25519);
        }
        PrivateKey privateKey;
        try {
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(decoded(privateFile)));
        } catch (GeneralSecurityException | IllegalArgumentException damaged) {
            throw damaged(privateFile, "private", damaged);
        }
        PublicKey publicKey;
        try {
            publicKey = publicKey(decoded(publicFile));
        } catch (GeneralSecurityException | IllegalArgumentException damaged) {
            throw damaged(publicFile, "public", damaged);
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static byte[] decoded(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /**
     * A key file that is not a key: the sentence names the file (session 21, adversary2: "Illegal base64 character 3b"
     * said neither which file nor what to do).
     */
    private static DamagedKey damaged(Path file, String which, Exception cause) {
        return new DamagedKey("The " + which + " key file " + file + " does not hold an Ed25519 key (" + cause.getMessage()
                + "), so nothing can be signed with it or exported from it. Restore it from a backup, or move the key pair ("
                + file.getFileName() + " and the file beside it) away to have a new key made, which others must then trust"
                + " again.", cause);
    }

    /** A key file whose content is not a key. */
    public static final class DamagedKey extends IllegalStateException {
        DamagedKey(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A private key that others can read may be copied: signing with it proves nothing, so it is refused. */
    private void refuseIfOthersCanRead(Path privateFile) throws IOException {
        if (!posix()) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(privateFile);
        permissions.retainAll(java.util.EnumSet.of(
                java.nio.file.attribute.PosixFilePermission.GROUP_READ, java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ, java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE));
        if (!permissions.isEmpty()) {
            throw new UnsafePrivateKey("The private key " + privateFile + " can be read or changed by other users ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))
                    + "), so a signature made with it proves nothing; make it private with 'chmod 600 " + privateFile
                    + "' and sign again.");
        }
    }

    private boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && directory.getFileSystem().equals(FileSystems.getDefault());
    }

    private void createPrivateDirectory() throws IOException {
        if (posix()) {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Writes {@code text} to a new file beside {@code file} (600 when private) and renames it over {@code file}. */
    private void writeWhole(Path file, String text, boolean secret) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + "." + System.nanoTime() + ".tmp");
        try {
            if (posix()) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
            } else {
                Files.createFile(temporary);
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temporary,
                    java.nio.file.StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The user name made safe as a file name: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    static String fileName(String user) {
        String safe = user.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
