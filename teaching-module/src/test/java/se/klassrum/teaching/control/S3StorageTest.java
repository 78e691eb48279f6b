package se.klassrum.teaching.control;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;

/** The storage contract against a real S3-compatible server (S3Proxy on loopback, its files in a temporary folder). */
class S3StorageTest extends FileStorageContract {

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withCredentials("klassrum-access-key", "klassrum-secret-key")
            .build();

    private S3Storage storage;

    @Override
    FileStorage storage() {
        try (S3Client admin = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(S3.getUri())
                .region(Region.of("eu-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3.getAccessKey(), S3.getSecretKey())))
                .forcePathStyle(true)
                .build()) {
            admin.createBucket(request -> request.bucket("klassrum-files"));
        }
        storage = new S3Storage(new S3Storage.Settings(S3.getUri(), "eu-north-1", "klassrum-files", "attachments/",
                S3.getAccessKey(), S3.getSecretKey(), true, Duration.ofSeconds(30)));
        return storage;
    }

    @AfterEach
    void closeClient() {
        if (storage != null) {
            storage.close();
        }
    }
}
