package io.tlsready.regf;

/**
 * A hive that cannot be read at all (not a regf file, unusable base block) or a read outside the image.
 * Unchecked: damage inside an otherwise usable hive is reported as {@link HiveWarning}s instead.
 */
public class HiveFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HiveFormatException(String message) {
        super(message);
    }

    public HiveFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
