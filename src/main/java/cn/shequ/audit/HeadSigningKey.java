package cn.shequ.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs the daily head files, kept outside the database: the private key (PKCS#8,
 * base64) in {@code keyFile}, the public key (X.509, base64) beside it in {@code keyFile.pub}. Created
 * on first use when neither exists (owner-only permissions where the file system has them); an
 * operator may instead place a key of their own there, or point {@code shequ.audit-head.key-file}
 * elsewhere (every node of a cluster should share one key, or each signs with its own and the public
 * page shows which). Whoever can read the private key can sign heads: keep it off the database
 * server and its backups.
 */
final class HeadSigningKey {

    private final PrivateKey privateKey;
    private final String publicKey;

    private HeadSigningKey(PrivateKey privateKey, String publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static HeadSigningKey loadOrCreate(Path keyFile) {
        Path publicFile = keyFile.resolveSibling(keyFile.getFileName() + ".pub");
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile, publicFile);
            }
            byte[] encoded = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            PrivateKey key = KeyFactory.getInstance(HeadFile.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            String publicKey = Files.readString(publicFile, StandardCharsets.US_ASCII).trim();
            HeadSigningKey signing = new HeadSigningKey(key, publicKey);
            String probe = "probe";
            if (!new HeadFile(java.time.LocalDate.EPOCH, 0, probe, probe, publicKey, signing.sign(
                    new HeadFile(java.time.LocalDate.EPOCH, 0, probe, probe, publicKey, "").signedText())).signatureValid()) {
                throw new IllegalStateException(publicFile + " is not the public key of " + keyFile);
            }
            return signing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit head signing key " + keyFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit head signing key " + keyFile + " is not an Ed25519 key", e);
        }
    }

    private static void create(Path keyFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(HeadFile.ALGORITHM).generateKeyPair();
        Path folder = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path privateTemp = Files.createTempFile(folder, ".signing-key", ".tmp");
        Path publicTemp = Files.createTempFile(folder, ".signing-key-pub", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(privateTemp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            Files.writeString(privateTemp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.writeString(publicTemp, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(privateTemp, keyFile);
            Files.move(publicTemp, publicFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException quicker) {
            // another node on the same folder created the key first: its key stays
        } finally {
            Files.deleteIfExists(privateTemp);
            Files.deleteIfExists(publicTemp);
        }
    }

    String publicKey() {
        return publicKey;
    }

    String sign(String text) {
        try {
            Signature signer = Signature.getInstance(HeadFile.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the audit head", e);
        }
    }
}
