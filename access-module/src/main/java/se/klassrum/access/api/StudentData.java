package se.klassrum.access.api;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a business method that touches student data. The access interceptor decides before the method
 * body runs, from the parameters marked {@link StudentId} and {@link GroupId}, and writes the decision to
 * the audit log; a denial never reaches the method.
 * <p>
 * A READ method without a {@link StudentId} parameter that returns a collection of {@link StudentOwned}
 * elements is filtered instead: every element is decided on its own and only the allowed ones are returned.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StudentData {

    @Nonbinding
    DataKind kind() default DataKind.STUDENT_PROFILE;

    @Nonbinding
    Operation operation() default Operation.READ;

    /**
     * The method returns published items only (assignments, assessments), so the question is asked about
     * published items: a student or guardian may then pass, and the method must leave drafts out unless it
     * asks the rules about them separately.
     */
    @Nonbinding
    boolean publishedOnly() default false;

    /**
     * For a filtered list: the paths through which an item may be seen. Empty (the default) means any path. A list
     * that is a view of its own, like the development overview (which teachers do not open as such), names its paths:
     * an item that only another path allows is left out, and audited as refused with the failing codes of the
     * closest of the named paths.
     */
    @Nonbinding
    AccessPath[] paths() default {};
}
