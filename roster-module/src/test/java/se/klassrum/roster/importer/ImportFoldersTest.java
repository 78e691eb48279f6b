package se.klassrum.roster.importer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.TENANT_NORRA;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/**
 * The folder a folder import reads, on a real file system: each organisation only below its own sub-folder of the
 * import root, named by its id, and never through a symbolic link.
 */
class ImportFoldersTest {

    @TempDir
    Path temp;

    private Path root;
    private Path solbacka;
    private Path norra;

    @BeforeEach
    void importRoot() throws IOException {
        root = Files.createDirectory(temp.resolve("imports"));
        solbacka = Files.createDirectories(root.resolve(TENANT_SOLBACKA.toString()).resolve("2026-08"));
        Files.writeString(solbacka.resolve("orgs.csv"), "sourcedId,name\n");
        norra = Files.createDirectories(root.resolve(TENANT_NORRA.toString()).resolve("2026-08"));
        Files.writeString(norra.resolve("orgs.csv"), "sourcedId,name\n");
    }

    @Test
    void an_organisation_finds_its_own_folder() throws IOException {
        assertThat(new ImportFolders(root).folderOf(TENANT_NORRA, "2026-08")).contains(norra.toRealPath());
        assertThat(new ImportFolders(root).folderOf(TENANT_NORRA, "./2026-08/")).contains(norra.toRealPath());
    }

    @Test
    void norra_cannot_import_the_folder_meant_for_solbacka() {
        ImportFolders folders = new ImportFolders(root);

        assertThat(folders.folderOf(TENANT_NORRA, TENANT_SOLBACKA + "/2026-08")).isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, "../" + TENANT_SOLBACKA + "/2026-08")).isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, solbacka.toString())).as("an absolute path").isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, "..")).isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, ".")).as("the organisation's folder itself holds no set").isEmpty();
    }

    @Test
    void a_symbolic_link_inside_the_import_root_is_not_followed() throws IOException {
        Files.createSymbolicLink(root.resolve(TENANT_NORRA.toString()).resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve(TENANT_NORRA.toString()).resolve("solbacka"), solbacka);

        ImportFolders folders = new ImportFolders(root);

        assertThat(folders.folderOf(TENANT_NORRA, "etc")).isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, TENANT_NORRA + "/etc")).isEmpty();
        assertThat(folders.folderOf(TENANT_NORRA, "solbacka")).isEmpty();
    }

    @Test
    void a_folder_holding_a_symbolic_link_is_refused() throws IOException {
        Path set = Files.createDirectory(root.resolve(TENANT_NORRA.toString()).resolve("linked"));
        Files.createSymbolicLink(set.resolve("users.csv"), Path.of("/etc/passwd"));

        assertThat(new ImportFolders(root).folderOf(TENANT_NORRA, "linked")).isEmpty();
        assertThat(new ImportFolders(root).folderOf(TENANT_NORRA, TENANT_NORRA + "/linked")).isEmpty();
    }

    @Test
    void the_organisations_own_folder_may_not_be_a_symbolic_link() throws IOException {
        UUID other = UUID.randomUUID();
        Files.createSymbolicLink(root.resolve(other.toString()), root.resolve(TENANT_SOLBACKA.toString()));

        assertThat(new ImportFolders(root).folderOf(other, "2026-08")).isEmpty();
    }

    @Test
    void the_import_root_itself_may_be_reached_through_a_link() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("current"), root);

        assertThat(new ImportFolders(linkedRoot).folderOf(TENANT_NORRA, "2026-08")).contains(norra.toRealPath());
    }
}
