import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Prints an ADMIN_PASSWORD_HASH for a password, in Jakarta Security's Pbkdf2PasswordHash format
 * ({@code PBKDF2WithHmacSHA256:<iterations>:<base64 salt>:<base64 hash>}, which the servers'
 * Pbkdf2PasswordHash verifies, reading the parameters from the value itself).
 *
 * <pre>java tools/HashPassword.java            (asks for the password, twice, without echo)
 * printf %s "$PASSWORD" | java tools/HashPassword.java --stdin</pre>
 *
 * 210,000 iterations of HMAC-SHA-256, OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage
 * Cheat Sheet); a 32-byte random salt and a 32-byte hash, the Jakarta Security defaults' sizes.
 */
public final class HashPassword {

    static final int ITERATIONS = 210_000;

    public static void main(String[] args) throws Exception {
        char[] password = read(args.length > 0 && "--stdin".equals(args[0]));
        if (password.length < 12) {
            System.err.println("Choose a password of at least 12 characters.");
            System.exit(2);
        }
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 32 * 8);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        spec.clearPassword();
        Arrays.fill(password, '\0');
        System.out.println("PBKDF2WithHmacSHA256:" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash));
    }

    private static char[] read(boolean stdin) throws Exception {
        Console console = System.console();
        if (!stdin && console != null) {
            char[] first = console.readPassword("Admin password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("The two passwords differ.");
                System.exit(2);
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
