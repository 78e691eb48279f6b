package se.klassrum.web;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.interceptor.Interceptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentId;

import java.util.Collection;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture the README promises, proven on the compiled classes of every module: modules depend
 * one way, and every public boundary method either goes through the access rules or says why it need not.
 */
class ArchitectureTest {

    private static JavaClasses klassrum;

    /** The coarse-grained entry points: CDI beans in a boundary package (their records and enums are data). */
    private static final DescribedPredicate<JavaClass> BOUNDARY_BEANS = describe(
            "CDI beans of a boundary package",
            type -> type.getPackageName().contains(".boundary")
                    && (type.isAnnotatedWith(ApplicationScoped.class) || type.isAnnotatedWith(RequestScoped.class)
                    || type.isAnnotatedWith(Dependent.class) || type.isAnnotatedWith(Stateless.class)
                    || type.isAnnotatedWith(Singleton.class) || type.isAnnotatedWith(Interceptor.class)));

    @BeforeAll
    static void importClasses() {
        klassrum = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.klassrum");
    }

    @Test
    void everyPublicBoundaryMethodIsGuardedOrSaysWhyItNeedsNoGuard() {
        methods().that().areDeclaredInClassesThat(are(BOUNDARY_BEANS))
                .and().arePublic()
                .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should(beGuardedOrExempt())
                .because("a business method that touches student data must pass the access rules (ACCESS-RULES.md)")
                .check(klassrum);
    }

    @Test
    void aGuardedMethodNamesItsStudentOrReturnsACollectionToFilter() {
        methods().that().areAnnotatedWith(StudentData.class)
                .should(nameAStudentOrReturnACollection())
                .check(klassrum);
    }

    @Test
    void theAccessModuleDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("se.klassrum.access..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "se.klassrum.roster..", "se.klassrum.teaching..", "se.klassrum.guardian..", "se.klassrum.web..",
                        "se.klassrum.deploy..")
                .check(klassrum);
    }

    @Test
    void modulesDependOnlyDownwards() {
        noClasses().that().resideInAPackage("se.klassrum.roster..")
                .should().dependOnClassesThat().resideInAnyPackage("se.klassrum.teaching..", "se.klassrum.guardian..",
                        "se.klassrum.web..")
                .check(klassrum);
        noClasses().that().resideInAPackage("se.klassrum.teaching..")
                .should().dependOnClassesThat().resideInAnyPackage("se.klassrum.guardian..", "se.klassrum.web..")
                .check(klassrum);
        noClasses().that().resideInAPackage("se.klassrum.guardian..")
                .should().dependOnClassesThat().resideInAnyPackage("se.klassrum.web..")
                .check(klassrum);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("se.klassrum.(*)..").should().beFreeOfCycles().check(klassrum);
    }

    @Test
    void apiResourcesAndPagesDelegateAndNeverQueryTheDatabase() {
        noClasses().that().resideInAnyPackage("se.klassrum.web.api..", "se.klassrum.web.pages..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .check(klassrum);
    }

    private static ArchCondition<JavaMethod> beGuardedOrExempt() {
        return new ArchCondition<>("carry @StudentData or @NoStudentData (on the method or its class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean marked = method.isAnnotatedWith(StudentData.class) || method.isAnnotatedWith(NoStudentData.class)
                        || method.getOwner().isAnnotatedWith(StudentData.class)
                        || method.getOwner().isAnnotatedWith(NoStudentData.class);
                if (!marked) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is a public boundary method without @StudentData or @NoStudentData"));
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> nameAStudentOrReturnACollection() {
        return new ArchCondition<>("name its student (or, for posts and assignments, its group) or return a collection to filter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                DataKind kind = method.getAnnotationOfType(StudentData.class).kind();
                boolean groupContent = kind.groupContent();
                boolean namesStudent = method.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(StudentId.class)
                        || groupContent && p.isAnnotatedWith(GroupId.class));
                boolean returnsCollection = method.getRawReturnType().isAssignableTo(Collection.class)
                        || method.getRawReturnType().isAssignableTo(Slice.class);
                if (!namesStudent && !returnsCollection) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is @StudentData but the interceptor can neither decide nor filter it"));
                }
            }
        };
    }
}
