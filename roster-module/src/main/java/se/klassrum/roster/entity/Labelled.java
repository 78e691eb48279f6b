package se.klassrum.roster.entity;

/** A value with a name for people in both languages of the user interface: Swedish first, English second. */
public interface Labelled {

    String labelSv();

    String labelEn();
}
