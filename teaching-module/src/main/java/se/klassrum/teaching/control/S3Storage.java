package se.klassrum.teaching.control;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Files in a bucket of an S3-compatible object store (Amazon S3, MinIO, Ceph, Garage …), which every node of a
 * cluster shares. Objects are named {@code <prefix><key>}; the bucket must exist.
 */
public final class S3Storage implements FileStorage, AutoCloseable {

    /** The settings of the object store; {@code accessKey} null takes the SDK's default credentials chain. */
    public record Settings(URI endpoint, String region, String bucket, String prefix, String accessKey,
                           String secretKey, boolean pathStyle, Duration timeout) {
    }

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3Storage(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.timeout())
                        .socketTimeout(settings.timeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
        this.bucket = settings.bucket();
        this.prefix = settings.prefix() == null ? "" : settings.prefix();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        try {
            client.putObject(request -> request.bucket(bucket).key(prefix + key), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("could not store " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(request -> request.bucket(bucket).key(prefix + key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("could not read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("could not delete " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()) {
                action.accept(new StoredObject(object.key().substring(prefix.length()), object.size(),
                        object.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("could not list bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "bucket " + bucket;
    }
}
