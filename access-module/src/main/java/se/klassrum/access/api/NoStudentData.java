package se.klassrum.access.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a public boundary method touches no student data, and why. The architecture test
 * requires every public boundary method to carry either this or {@link StudentData}, so that a new method
 * is a conscious decision, never an unguarded accident.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NoStudentData {

    /** Why the method needs no access decision; read in reviews. */
    String value();
}
