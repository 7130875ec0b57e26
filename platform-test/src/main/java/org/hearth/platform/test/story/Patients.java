package org.hearth.platform.test.story;

/** The patients of the demo story, as the admission request that admits them. */
public final class Patients {

    private Patients() {}

    /** Jane Doe of Springfield: the least an admission needs. */
    public static String jane() {
        return """
                {"givenName":"Jane","familyName":"Doe","birthDate":"1941-03-02",
                 "address":{"line1":"12 Elm Street","city":"Springfield","state":"IL","postalCode":"62701"}}""";
    }

    /** Jane Doe with her phone, her language and her home's coordinates (what a visit route needs). */
    public static String janeInFull() {
        return """
                {"givenName":"Jane","familyName":"Doe","birthDate":"1941-03-02","phone":"+1-217-555-0100","language":"en",
                 "address":{"line1":"12 Elm Street","city":"Springfield","state":"IL","postalCode":"62701",
                            "latitude":39.7817,"longitude":-89.6501}}""";
    }
}
